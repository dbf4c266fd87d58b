/* mod_errno.c: the errno module (stdlib stage; see stdlib/README.md).
 *
 * The common error numbers by name, with this platform's values from
 * <errno.h>, and errorcode mapping each number back to a name. Where two
 * names share a number (EAGAIN/EWOULDBLOCK) the first listed is the one
 * errorcode gives, as CPython's does.
 */
#include <errno.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/str.h"

/* The names, preferred spelling first for numbers with two names. */
#define ERRNO_NAMES(X)                                                                             \
    X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) X(ENOEXEC) X(EBADF) X(ECHILD)    \
    X(EAGAIN) X(EWOULDBLOCK) X(ENOMEM) X(EACCES) X(EFAULT) X(EBUSY) X(EEXIST) X(EXDEV) X(ENODEV)   \
    X(ENOTDIR) X(EISDIR) X(EINVAL) X(ENFILE) X(EMFILE) X(ENOTTY) X(EFBIG) X(ENOSPC) X(ESPIPE)      \
    X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE) X(EDEADLOCK) X(EDEADLK) X(ENAMETOOLONG)          \
    X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(ENOTSUP) X(EOPNOTSUPP) X(EINPROGRESS) X(EALREADY)            \
    X(ENOTSOCK) X(EDESTADDRREQ) X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) X(EPROTONOSUPPORT)        \
    X(EAFNOSUPPORT) X(EADDRINUSE) X(EADDRNOTAVAIL) X(ENETDOWN) X(ENETUNREACH) X(ENETRESET)         \
    X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(EISCONN) X(ENOTCONN) X(ESHUTDOWN) X(ETIMEDOUT)      \
    X(ECONNREFUSED) X(EHOSTDOWN) X(EHOSTUNREACH) X(ECANCELED)

BtModule *bt_mod_errno_create(BtThread *t) {
    static const struct {
        const char *name;
        int value;
    } codes[] = {
#define ERRNO_ENTRY(name) {#name, name},
        ERRNO_NAMES(ERRNO_ENTRY)
#undef ERRNO_ENTRY
    };
    BtStr *modname = bt_str_intern_cstr(t, "errno");
    BtModule *m = modname ? bt_module_new(t, modname) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), table = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &table);
    BtDict *errorcode = bt_dict_new(t);
    bool ok = errorcode != NULL;
    if (ok)
        table = bt_obj(errorcode);
    for (size_t i = 0; ok && i < sizeof codes / sizeof codes[0]; i++) {
        BtStr *name = bt_str_intern_cstr(t, codes[i].name);
        BtValue num = bt_int(codes[i].value);
        ok = name && bt_dict_set_str(t, m->dict, name, num);
        if (ok && bt_is_undef(bt_dict_get(t, errorcode, num)))
            ok = bt_dict_set(t, errorcode, num, bt_obj(name));
    }
    BtStr *key = ok ? bt_str_intern_cstr(t, "errorcode") : NULL;
    ok = key && bt_dict_set_str(t, m->dict, key, table);
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}
