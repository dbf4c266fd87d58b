/* mod_os.c: _os, the few system calls behind stdlib/lib/os.py (stdlib stage;
 * see stdlib/README.md).
 *
 * Only what os.py cannot write in Python: the process id, the working
 * directory, the environment as a dict, stat() asked as "what is there",
 * removing a file, and uname(2) as a 5-tuple (os.py names its fields).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/str.h"

extern char **environ;

static BtValue os_getpid(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "getpid", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int((int64_t)getpid());
}

static BtValue os_getcwd(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "getcwd", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    BtStr *s = bt_str_from_cstr(t, buf);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* _os.kind(path): 'file', 'dir', 'other', or None when nothing is there. */
static BtValue os_kind(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "kind", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "stat: path should be string, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtStr *path = bt_as_str(args[0]);
    struct stat st;
    if (strlen(path->data) != path->size || stat(path->data, &st) != 0)
        return BT_NONE;
    const char *kind = S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "dir" : "other";
    BtStr *s = bt_str_intern_cstr(t, kind);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* _os.remove(path): unlink a file; CPython's OSError (with the path) when it fails. */
static BtValue os_remove(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "remove", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "remove: path should be string, bytes or os.PathLike, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtStr *path = bt_as_str(args[0]);
    if (strlen(path->data) != path->size) {
        bt_raise(t, BT_EXC(t, ValueError), "remove: embedded null character in path");
        return BT_UNDEF;
    }
    if (unlink(path->data) != 0) {
        bt_raise_errno(t, errno, path->data);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* _os.uname(): (sysname, nodename, release, version, machine). */
static BtValue os_uname(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "uname", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    struct utsname u;
    if (uname(&u) != 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    const char *fields[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    BtTuple *tp = bt_tuple_new(t, 5);
    if (!tp)
        return BT_UNDEF;
    BtValue keep = bt_obj(tp);
    BT_PUSH_ROOT(t, &keep);
    bool ok = true;
    for (int i = 0; ok && i < 5; i++) {
        BtStr *f = bt_str_from_cstr(t, fields[i]);
        ok = f != NULL;
        if (ok)
            tp->items[i] = bt_obj(f);
    }
    BT_POP_ROOT(t, 1);
    return ok ? keep : BT_UNDEF;
}

/* os.environ's starting contents: NAME=VALUE pairs of the process. */
static bool add_environ(BtThread *t, BtModule *m) {
    BtDict *env = bt_dict_new(t);
    if (!env)
        return false;
    BtValue keep = bt_obj(env);
    BT_PUSH_ROOT(t, &keep);
    bool ok = true;
    for (char **e = environ; ok && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        BtValue k = bt_obj(bt_str_new(t, *e, (size_t)(eq - *e)));
        BT_PUSH_ROOT(t, &k);
        BtStr *v = bt_as_obj(k) ? bt_str_from_cstr(t, eq + 1) : NULL;
        ok = v && bt_dict_set(t, env, k, bt_obj(v));
        BT_POP_ROOT(t, 1);
    }
    BtStr *name = ok ? bt_str_intern_cstr(t, "environ") : NULL;
    ok = name && bt_dict_set_str(t, m->dict, name, keep);
    BT_POP_ROOT(t, 1);
    return ok;
}

BtModule *bt_mod_os_create(BtThread *t) {
    static const BtNativeDef functions[] = {
        {"getpid", os_getpid},
        {"getcwd", os_getcwd},
        {"kind", os_kind},
        {"remove", os_remove},
        {"uname", os_uname},
        {NULL, NULL},
    };
    BtStr *name = bt_str_intern_cstr(t, "_os");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, functions) && add_environ(t, m);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
