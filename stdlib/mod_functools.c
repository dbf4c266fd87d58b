/* mod_functools.c: the _functools module (stdlib stage; see stdlib/README.md).
 *
 * functools.py (stdlib/lib/) is Baton's own Python; partial is the piece
 * that sits on hot paths (callbacks, pipelines of small functions), so it is
 * C: a call prepends the stored arguments and merges the stored keywords
 * without building Python-level tuples and dicts for the plain case.
 */
#include <string.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/strformat.h"

typedef struct {
    BtObject hdr;
    BtValue func;
    BtValue args;     /* a tuple */
    BtValue keywords; /* a dict */
} BtPartial;

static BtPartial *as_partial(BtValue v) {
    return (BtPartial *)bt_as_obj(v);
}

static void partial_trace(BtGc *gc, BtObject *self) {
    BtPartial *p = (BtPartial *)self;
    bt_gc_mark(gc, p->func);
    bt_gc_mark(gc, p->args);
    bt_gc_mark(gc, p->keywords);
}

static BtValue partial_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "type 'partial' takes at least one argument");
        return BT_UNDEF;
    }
    if (!bt_is_callable(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "the first argument must be callable");
        return BT_UNDEF;
    }
    BtValue func = args[0];
    BtValue inner_args = BT_UNDEF, inner_kw = BT_UNDEF;
    /* partial(partial(f, 1), 2) is partial(f, 1, 2). */
    if (bt_is_obj(func) && bt_as_obj(func)->type == type && type->construct == partial_construct) {
        inner_args = as_partial(func)->args;
        inner_kw = as_partial(func)->keywords;
        func = as_partial(func)->func;
    }
    size_t before = bt_is_undef(inner_args) ? 0 : bt_as_tuple(inner_args)->len;
    BtValue all = bt_obj(bt_tuple_new(t, before + (size_t)(nargs - 1)));
    if (!bt_as_obj(all))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &all);
    for (size_t i = 0; i < before; i++)
        bt_as_tuple(all)->items[i] = bt_as_tuple(inner_args)->items[i];
    for (int i = 1; i < nargs; i++)
        bt_as_tuple(all)->items[before + (size_t)i - 1] = args[i];
    BtValue kw = bt_obj(bt_is_undef(inner_kw) ? bt_dict_new(t) : bt_dict_copy(t, bt_as_dict(inner_kw)));
    BT_PUSH_ROOT(t, &kw);
    bool good = bt_as_obj(kw) != NULL;
    for (size_t k = 0; good && kwnames && k < kwnames->len; k++)
        good = bt_dict_set(t, bt_as_dict(kw), kwnames->items[k], args[nargs + (int)k]);
    BtPartial *p = good ? bt_gc_alloc(t, type, type->instance_size) : NULL;
    BT_POP_ROOT(t, 2);
    if (!p)
        return BT_UNDEF;
    p->func = func;
    p->args = all;
    p->keywords = kw;
    return bt_obj(p);
}

static BtValue partial_call(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    BtPartial *p = as_partial(self);
    BtTuple *stored = bt_as_tuple(p->args);
    BtDict *kw = bt_as_dict(p->keywords);
    size_t ncall_kw = kwnames ? kwnames->len : 0;
    size_t nstored_kw = kw->used;
    size_t npos = stored->len + (size_t)nargs;
    /* One array: positional (stored, then given), then keyword values. */
    BtValue keep = bt_obj(bt_tuple_new(t, npos + nstored_kw + ncall_kw));
    if (!bt_as_obj(keep))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BtValue *argv = bt_as_tuple(keep)->items;
    memcpy(argv, stored->items, stored->len * sizeof *argv);
    if (nargs)
        memcpy(argv + stored->len, args, (size_t)nargs * sizeof *argv);
    BtValue names = BT_UNDEF, r = BT_UNDEF;
    BT_PUSH_ROOT(t, &names);
    if (nstored_kw + ncall_kw > 0) {
        /* Given keywords win over stored ones of the same name. */
        BtDict *merged = bt_dict_copy(t, kw);
        names = merged ? bt_obj(merged) : BT_UNDEF;
        bool ok = merged != NULL;
        for (size_t k = 0; ok && k < ncall_kw; k++)
            ok = bt_dict_set(t, merged, kwnames->items[k], args[nargs + (int)k]);
        if (!ok)
            goto out;
        BtTuple *kn = bt_tuple_new(t, merged->used);
        if (!kn)
            goto out;
        names = bt_obj(kn); /* merged is done with: the loop below allocates nothing */
        size_t pos = 0, i = 0;
        BtValue key, value;
        while (bt_dict_next(merged, &pos, &key, &value)) {
            kn->items[i] = key;
            argv[npos + i++] = value;
        }
        r = bt_call(t, p->func, argv, (int)npos, kn);
    } else {
        r = bt_call(t, p->func, argv, (int)npos, NULL);
    }
out:
    BT_POP_ROOT(t, 2);
    return r;
}

/* Append repr(v); false raised. */
static bool put_repr(BtThread *t, BtBuf *b, BtValue v) {
    BtValue r = bt_repr(t, v);
    if (bt_is_undef(r))
        return false;
    bt_buf_append(b, bt_as_str(r)->data, bt_as_str(r)->size);
    return true;
}

static BtValue partial_repr(BtThread *t, BtValue self) {
    BtPartial *p = as_partial(self);
    BtBuf b;
    bt_buf_init(&b);
    bt_buf_append(&b, "functools.", 10);
    const char *name = bt_type_name(t, self);
    bt_buf_append(&b, name, strlen(name));
    bt_buf_append(&b, "(", 1);
    bool ok = put_repr(t, &b, p->func);
    BtTuple *a = bt_as_tuple(p->args);
    for (size_t i = 0; ok && i < a->len; i++) {
        bt_buf_append(&b, ", ", 2);
        ok = put_repr(t, &b, a->items[i]);
    }
    size_t pos = 0;
    BtValue key, value;
    while (ok && bt_dict_next(bt_as_dict(p->keywords), &pos, &key, &value)) {
        bt_buf_append(&b, ", ", 2);
        bt_buf_append(&b, bt_as_str(key)->data, bt_as_str(key)->size);
        bt_buf_append(&b, "=", 1);
        ok = put_repr(t, &b, value);
    }
    bt_buf_append(&b, ")", 1);
    if (!ok) {
        bt_buf_free(&b);
        return BT_UNDEF;
    }
    BtStr *out = bt_buf_finish(t, &b);
    return out ? bt_obj(out) : BT_UNDEF;
}

static BtValue partial_getattr(BtThread *t, BtValue self, BtStr *name) {
    if (strcmp(name->data, "func") == 0)
        return as_partial(self)->func;
    if (strcmp(name->data, "args") == 0)
        return as_partial(self)->args;
    if (strcmp(name->data, "keywords") == 0)
        return as_partial(self)->keywords;
    return bt_generic_getattr(t, self, name);
}

BtModule *bt_mod_functools_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "_functools");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), tv = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &tv);
    BtType *type = bt_type_new_native(t, "partial", NULL, sizeof(BtPartial));
    bool ok = type != NULL;
    if (ok) {
        tv = bt_obj(type);
        type->flags |= BT_TYPE_BASETYPE;
        type->construct = partial_construct;
        type->call = partial_call;
        type->repr = partial_repr;
        type->getattr = partial_getattr;
        type->trace = partial_trace;
        type->module = bt_str_intern_cstr(t, "functools");
        ok = type->module && bt_module_set(t, m, "partial", tv);
    }
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}
