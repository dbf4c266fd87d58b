/* mod_inspect.c: _inspect, the C half of inspect (stdlib stage; see stdlib/README.md;
 * the other half, signature() and friends, is stdlib/lib/inspect.py).
 *
 * What a student needs to watch generators: isgenerator,
 * isgeneratorfunction and getgeneratorstate with its four state names (the
 * state itself comes from vm/gen.h), plus the common is* predicates.
 */
#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/list.h"
#include "vm/str.h"

/* The one argument of a predicate, with CPython's message when missing. */
static bool the_object(BtThread *t, const char *fname, BtValue *args, int nargs, BtTuple *kwnames,
                       BtValue *out) {
    static const char *const params[] = {"object", NULL};
    BtValue a[1];
    if (nargs == 0 && !(kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() missing 1 required positional argument: 'object'",
                 fname);
        return false;
    }
    if (!bt_parse_args(t, fname, args, nargs, kwnames, params, a))
        return false;
    *out = a[0];
    return true;
}

static bool has_type(BtValue v, BtType *type) {
    return bt_is_obj(v) && bt_as_obj(v)->type == type;
}

/* The function behind v (a function, or a method of one), or NULL. */
static BtFunction *function_of(BtThread *t, BtValue v) {
    if (has_type(v, BT_TYPE(t, method)))
        v = ((BtMethod *)bt_as_obj(v))->func;
    return has_type(v, BT_TYPE(t, function)) ? (BtFunction *)bt_as_obj(v) : NULL;
}

/* Is v a function (or a method of one) whose code has all of `with` and none of `without`? */
static bool code_flags(BtThread *t, BtValue v, uint32_t with, uint32_t without) {
    BtFunction *fn = function_of(t, v);
    return fn && (fn->code->flags & with) == with && !(fn->code->flags & without);
}

/* One predicate per name: X(python name, test of `v`). */
#define INSPECT_PREDICATES(X)                                                                      \
    X(isgenerator, has_type(v, BT_TYPE(t, generator)))                                             \
    X(isgeneratorfunction,                                                                         \
      code_flags(t, v, BT_CODE_GENERATOR, BT_CODE_COROUTINE | BT_CODE_ASYNC_GENERATOR))           \
    X(isasyncgen, has_type(v, BT_TYPE(t, async_generator)))                                        \
    X(isasyncgenfunction, code_flags(t, v, BT_CODE_ASYNC_GENERATOR, 0))                            \
    X(iscoroutine, has_type(v, BT_TYPE(t, coroutine)))                                             \
    X(iscoroutinefunction, code_flags(t, v, BT_CODE_COROUTINE, 0))                                 \
    X(isawaitable, has_type(v, BT_TYPE(t, coroutine)) ||                                           \
                       (has_type(v, BT_TYPE(t, generator)) &&                                      \
                        (((BtGen *)bt_as_obj(v))->frame.code->flags &                       \
                         BT_CODE_ITERABLE_COROUTINE)) ||                                   \
                       !bt_is_undef(bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_await))))   \
    X(isfunction, has_type(v, BT_TYPE(t, function)))                                               \
    X(ismethod, has_type(v, BT_TYPE(t, method)) &&                                                 \
                    has_type(((BtMethod *)bt_as_obj(v))->func, BT_TYPE(t, function)))                    \
    X(isbuiltin, has_type(v, BT_TYPE(t, native)) ||                                                \
                     (has_type(v, BT_TYPE(t, method)) &&                                           \
                      has_type(((BtMethod *)bt_as_obj(v))->func, BT_TYPE(t, native))))                   \
    X(isroutine, has_type(v, BT_TYPE(t, function)) || has_type(v, BT_TYPE(t, native)) ||           \
                     has_type(v, BT_TYPE(t, method)))                                              \
    X(isclass, bt_is_obj(v) && bt_isinstance(t, v, BT_TYPE(t, type)))                              \
    X(ismodule, has_type(v, BT_TYPE(t, module)))                                                   \
    X(iscode, has_type(v, BT_TYPE(t, code)))                                                       \
    X(istraceback, has_type(v, BT_TYPE(t, traceback)))                                             \
    X(isframe, has_type(v, BT_TYPE(t, frame)))

#define INSPECT_DEFINE(name, test)                                                                 \
    static BtValue inspect_##name(BtThread *t, BtValue self, BtValue *args, int nargs,             \
                                  BtTuple *kwnames) {                                              \
        (void)self;                                                                                \
        BtValue v;                                                                                 \
        if (!the_object(t, #name, args, nargs, kwnames, &v))                                       \
            return BT_UNDEF;                                                                       \
        return bt_bool(test);                                                                      \
    }
INSPECT_PREDICATES(INSPECT_DEFINE)
#undef INSPECT_DEFINE

static BtValue inspect_getgeneratorstate(BtThread *t, BtValue self, BtValue *args, int nargs,
                                         BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"generator", NULL};
    BtValue a[1];
    if (nargs == 0 && !(kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "getgeneratorstate() missing 1 required positional argument: 'generator'");
        return BT_UNDEF;
    }
    if (!bt_parse_args(t, "getgeneratorstate", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (!has_type(a[0], BT_TYPE(t, generator))) {
        /* CPython reads gen.gi_running first, so that is what is missing. */
        bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute 'gi_running'",
                 bt_type_name(t, a[0]));
        return BT_UNDEF;
    }
    BtStr *s = bt_str_intern_cstr(t, bt_gen_state_name(a[0]));
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue inspect_getcoroutinestate(BtThread *t, BtValue self, BtValue *args, int nargs,
                                         BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"coroutine", NULL};
    BtValue a[1];
    if (nargs == 0 && !(kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "getcoroutinestate() missing 1 required positional argument: 'coroutine'");
        return BT_UNDEF;
    }
    if (!bt_parse_args(t, "getcoroutinestate", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (!has_type(a[0], BT_TYPE(t, coroutine))) {
        bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute 'cr_running'",
                 bt_type_name(t, a[0]));
        return BT_UNDEF;
    }
    BtStr *s = bt_str_intern_cstr(t, bt_gen_state_name(a[0]));
    return s ? bt_obj(s) : BT_UNDEF;
}

/* _iterable_coroutine(code): mark a generator function's code so that its
 * generators may be awaited (types.coroutine; CPython makes a new code object
 * with CO_ITERABLE_COROUTINE, Baton sets the flag on this one). */
static BtValue inspect_iterable_coroutine(BtThread *t, BtValue self, BtValue *args, int nargs,
                                          BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "_iterable_coroutine", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!has_type(args[0], BT_TYPE(t, code))) {
        bt_raise(t, BT_EXC(t, TypeError), "_iterable_coroutine() needs a code object");
        return BT_UNDEF;
    }
    ((BtCode *)bt_as_obj(args[0]))->flags |= BT_CODE_ITERABLE_COROUTINE;
    return BT_NONE;
}

static const BtNativeDef inspect_functions[] = {
#define INSPECT_ENTRY(name, test) {#name, inspect_##name},
    INSPECT_PREDICATES(INSPECT_ENTRY)
#undef INSPECT_ENTRY
    {"getgeneratorstate", inspect_getgeneratorstate},
    {"getcoroutinestate", inspect_getcoroutinestate},
    {"_iterable_coroutine", inspect_iterable_coroutine},
    {NULL, NULL},
};

BtModule *bt_mod_inspect_create(BtThread *t) {
    static const char *const states[] = {"GEN_CREATED",  "GEN_RUNNING",    "GEN_SUSPENDED",
                                         "GEN_CLOSED",   "CORO_CREATED",   "CORO_RUNNING",
                                         "CORO_SUSPENDED", "CORO_CLOSED"};
    BtStr *name = bt_str_intern_cstr(t, "_inspect");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, inspect_functions);
    for (size_t i = 0; ok && i < sizeof states / sizeof states[0]; i++) {
        BtStr *s = bt_str_intern_cstr(t, states[i]);
        ok = s && bt_dict_set_str(t, m->dict, s, bt_obj(s));
    }
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
