/* mod_atexit.c: the atexit module (stdlib stage; see stdlib/README.md).
 *
 * The registered calls live in a list the module's functions are bound to
 * (as mod_random.c binds its functions to a hidden instance), one tuple
 * (func, arguments, keyword names or None) each. The VM's shutdown
 * (bt_interp_shutdown) calls _run_exitfuncs after joining the threads, as
 * CPython does: last registered first, each exception reported as
 * "Exception ignored in atexit callback: ..." and the next one run.
 */
#include "stdlib/modules.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/object.h"
#include "vm/str.h"

static BtList *calls_of(BtValue self) {
    return (BtList *)bt_as_obj(self);
}

/* register(func, *args, **kwargs): remember the call; returns func. */
static BtValue atexit_register(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "register() takes at least 1 argument (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    if (!bt_is_callable(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "the first argument must be callable");
        return BT_UNDEF;
    }
    /* The keyword values follow the positional arguments. */
    size_t nkw = kwnames ? kwnames->len : 0;
    BtTuple *rest = bt_tuple_from(t, args + 1, (size_t)nargs - 1 + nkw);
    if (!rest)
        return BT_UNDEF;
    BtValue rv = bt_obj(rest);
    BT_PUSH_ROOT(t, &rv);
    BtValue parts[3] = {args[0], rv, kwnames ? bt_obj(kwnames) : BT_NONE};
    BtTuple *entry = bt_tuple_from(t, parts, 3);
    bool ok = entry && bt_list_append(t, calls_of(self), bt_obj(entry));
    BT_POP_ROOT(t, 1);
    return ok ? args[0] : BT_UNDEF;
}

/* unregister(func): forget every call of func (compared with ==). */
static BtValue atexit_unregister(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    if (nargs != 1 || kwnames) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "atexit.unregister() takes exactly one argument (%d given)", nargs);
        return BT_UNDEF;
    }
    BtList *l = calls_of(self);
    for (size_t i = 0; i < l->len;) {
        BtTuple *entry = (BtTuple *)bt_as_obj(l->items[i]);
        int eq = bt_equal(t, entry->items[0], args[0]);
        if (eq < 0)
            return BT_UNDEF;
        if (eq) {
            for (size_t j = i + 1; j < l->len; j++)
                l->items[j - 1] = l->items[j];
            l->len--;
        } else {
            i++;
        }
    }
    return BT_NONE;
}

static BtValue atexit_run_exitfuncs(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "atexit._run_exitfuncs", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtList *l = calls_of(self);
    while (l->len > 0) {
        BtValue entry = l->items[--l->len];
        BT_PUSH_ROOT(t, &entry);
        BtTuple *e = (BtTuple *)bt_as_obj(entry);
        BtTuple *rest = (BtTuple *)bt_as_obj(e->items[1]);
        BtTuple *kw = bt_is_none(e->items[2]) ? NULL : (BtTuple *)bt_as_obj(e->items[2]);
        int npos = (int)(rest->len - (kw ? kw->len : 0));
        if (bt_is_undef(bt_call(t, e->items[0], rest->items, npos, kw)))
            bt_exc_report_unraisable(t, "in atexit callback", e->items[0], bt_take_exc(t));
        BT_POP_ROOT(t, 1);
    }
    return BT_NONE;
}

static BtValue atexit_clear(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "atexit._clear", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    calls_of(self)->len = 0;
    return BT_NONE;
}

static BtValue atexit_ncallbacks(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "atexit._ncallbacks", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int((int64_t)calls_of(self)->len);
}

static const BtNativeDef atexit_functions[] = {
    {"register", atexit_register},
    {"unregister", atexit_unregister},
    {"_run_exitfuncs", atexit_run_exitfuncs},
    {"_clear", atexit_clear},
    {"_ncallbacks", atexit_ncallbacks},
    {NULL, NULL},
};

BtModule *bt_mod_atexit_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "atexit");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), lv = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &lv);
    BtList *calls = bt_list_new(t, 0);
    bool ok = calls != NULL;
    if (ok)
        lv = bt_obj(calls);
    for (const BtNativeDef *d = atexit_functions; ok && d->name; d++) {
        BtNative *n = bt_native_new(t, d->name, d->fn, lv);
        if (!n) {
            ok = false;
            break;
        }
        n->module = bt_obj(name);
        BtValue nv = bt_obj(n);
        BT_PUSH_ROOT(t, &nv);
        ok = bt_module_set(t, m, d->name, nv);
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}
