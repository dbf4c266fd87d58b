/* import.c: finding, running and caching modules (vm stage; see import.h).
 *
 * Order of search: sys.modules, the native modules stdlib/ registered, then
 * NAME.py beside the main script, in each BATONPATH folder, and last in
 * Baton's own Python library (stdlib/lib, see bt_import_lib_dir). A source
 * module is put in sys.modules before its body runs, so a circular import
 * gets the partly initialised module, as in CPython; if the body raises, it
 * is taken out again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/import.h"
#include "vm/str.h"

BtValue bt_run_module_code(BtThread *t, BtCode *code, BtModule *m) {
    return bt_eval_module_code(t, code, m->dict);
}

/* Read a whole file into a malloc'ed buffer; NULL if it cannot be read. */
static char *read_source(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* dir/NAME.py if it is a regular file: writes the path into out. */
static bool find_in(const char *dir, const char *name, char *out, size_t cap) {
    struct stat st;
    int n = snprintf(out, cap, "%s%s%s.py", dir, *dir ? "/" : "", name);
    return n > 0 && (size_t)n < cap && stat(out, &st) == 0 && S_ISREG(st.st_mode);
}

static bool find_source(BtInterp *in, const char *name, char *out, size_t cap) {
    if (in->main_path && find_in(in->main_path, name, out, cap))
        return true;
    if (in->search_path) {
        const char *p = in->search_path;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            char dir[4096];
            if (len < sizeof dir) {
                memcpy(dir, p, len);
                dir[len] = '\0';
                if (find_in(len ? dir : ".", name, out, cap))
                    return true;
            }
            p += len + (colon ? 1 : 0);
        }
    }
    const char *lib = bt_import_lib_dir();
    return lib && find_in(lib, name, out, cap);
}

const char *bt_import_lib_dir(void) {
    static const char *const candidates[] = {BT_LIB_SOURCE_DIR, BT_LIB_INSTALL_DIR};
    const char *given = getenv("BATON_LIB");
    if (given && *given)
        return given;
    /* The source tree's stdlib/lib serves the build tree and the tests; an
     * installed baton uses the copy installed beside it. */
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        struct stat st;
        if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
            return candidates[i];
    }
    return NULL;
}

static BtValue import_source(BtThread *t, BtStr *name, const char *path) {
    size_t len;
    char *src = read_source(path, &len);
    if (!src) {
        bt_raise_errno(t, 2, path);
        return BT_UNDEF;
    }
    BtValue m = BT_UNDEF, code = BT_UNDEF;
    BT_PUSH_ROOT(t, &m);
    BT_PUSH_ROOT(t, &code);
    BtStr *fname = bt_str_from_cstr(t, path);
    BtCode *c = fname ? bt_compile_source(t, src, len, fname, BT_COMPILE_FILE) : NULL;
    free(src);
    BtModule *mod = NULL;
    if (c) {
        code = bt_obj(c);
        mod = bt_module_new(t, name);
    }
    bool ok = mod != NULL;
    if (ok) {
        m = bt_obj(mod);
        ok = bt_dict_set_str(t, mod->dict, BT_NAME(t, dunder_file), bt_obj(fname)) &&
             bt_dict_set_str(t, t->interp->modules, name, m);
    }
    if (ok && bt_is_undef(bt_run_module_code(t, c, mod))) {
        BtValue exc = bt_take_exc(t);
        BT_PUSH_ROOT(t, &exc);
        bt_dict_del(t, t->interp->modules, bt_obj(name));
        BT_POP_ROOT(t, 1);
        t->exc = exc;
        ok = false;
    }
    if (ok)
        mod->state = 1;
    BT_POP_ROOT(t, 2);
    return ok ? m : BT_UNDEF;
}

BtValue bt_import(BtThread *t, BtStr *name) {
    BtInterp *in = t->interp;
    BtValue m = bt_dict_get_str(in->modules, name);
    if (!bt_is_undef(m))
        return m;
    for (const BtNativeModuleDef *d = in->native_modules; d && d->name; d++) {
        if (strcmp(d->name, name->data) != 0)
            continue;
        BtModule *mod = d->create(t);
        if (!mod)
            return BT_UNDEF;
        m = bt_obj(mod);
        BT_PUSH_ROOT(t, &m);
        bool ok = bt_dict_set_str(t, in->modules, name, m);
        BT_POP_ROOT(t, 1);
        return ok ? m : BT_UNDEF;
    }
    char path[4096];
    if (strchr(name->data, '/') == NULL && find_source(in, name->data, path, sizeof path))
        return import_source(t, name, path);
    const char *dot = strchr(name->data, '.');
    if (dot) {
        BtStr *top = bt_str_new(t, name->data, (size_t)(dot - name->data));
        if (top)
            bt_raise(t, BT_EXC(t, ModuleNotFoundError), "No module named '%S'", top);
    } else
        bt_raise(t, BT_EXC(t, ModuleNotFoundError), "No module named '%S'", name);
    return BT_UNDEF;
}

BtValue bt_import_sys_attr(BtThread *t, const char *name) {
    BtStr *sys_name = bt_str_intern_cstr(t, "sys");
    BtValue sys = sys_name ? bt_dict_get_str(t->interp->modules, sys_name) : BT_UNDEF;
    if (bt_is_undef(sys))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &sys);
    BtStr *attr = bt_str_intern_cstr(t, name);
    BtValue v = attr ? bt_getattr_opt(t, sys, attr) : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(v) && bt_has_exc(t))
        bt_take_exc(t);
    return v;
}
