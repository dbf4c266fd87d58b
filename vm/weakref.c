/* weakref.c: weak references and proxies (vm stage; see vm/README.md).
 *
 * A weak reference points at an object without keeping it alive: the
 * collector does not mark through it. Every weakref is on one list in the
 * heap; after marking, bt_weakref_sweep (gc.c) unlinks the weakrefs that are
 * themselves dead and clears those whose object is dead, queueing their
 * callbacks, which run later at an eval-breaker check (like the close() of
 * abandoned generators), never inside the collector. A proxy is a weakref
 * that passes attribute access, calls, iteration and operators on to its
 * object, and raises ReferenceError once the object is gone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/interp_internal.h"
#include "vm/str.h"
#include "vm/weakref.h"

struct BtWeakRef {
    BtObject hdr;
    BtObject *referent; /* not marked; NULL once the object died */
    BtValue callback;   /* None or a callable, run with the weakref when the object dies */
    BtWeakRef *next;    /* the heap's list of every weakref */
};

static BtWeakRef *as_wr(BtValue v) {
    return (BtWeakRef *)bt_as_obj(v);
}

/* Built-in types whose instances may be weakly referenced, as in CPython:
 * those with an identity worth watching (functions, classes, modules,
 * generators, sets...), not plain values (numbers, str, tuple, list, dict,
 * range, slice, Ellipsis), iterators, views, descriptors, exceptions or
 * weakrefs.
 * Types made by stdlib modules (files, sockets, locks...) may be. */
static bool builtin_referenceable(BtThread *t, BtType *ty) {
    BtInterp *in = t->interp;
#define BT_IS_CORE_TYPE(field, pyname) || ty == in->types.field
    bool core = false BT_BUILTIN_TYPES(BT_IS_CORE_TYPE);
#undef BT_IS_CORE_TYPE
    if (!core)
        return ty->layout != BT_LAYOUT_EXCEPTION; /* ValueError() is not; a subclass's is */
    return ty == in->types.type || ty == in->types.function || ty == in->types.native ||
           ty == in->types.method || ty == in->types.code || ty == in->types.module ||
           ty == in->types.generator || ty == in->types.coroutine ||
           ty == in->types.async_generator || ty == in->types.set || ty == in->types.frozenset ||
           ty == in->types.deque || ty == in->types.generic_alias ||
           ty == in->types.union_type || ty == in->types.frame;
}

/* Instances of classes may be, unless the class derives from int, bytes or
 * tuple (CPython's variable-size objects have no room for the weakref list). */
static bool referenceable(BtThread *t, BtValue v) {
    if (!bt_is_obj(v))
        return false;
    BtType *ty = bt_as_obj(v)->type;
    if (!(ty->flags & BT_TYPE_HEAPTYPE))
        return builtin_referenceable(t, ty);
    while (ty->flags & BT_TYPE_HEAPTYPE)
        ty = ty->base;
    return ty != BT_TYPE(t, int_) && ty != BT_TYPE(t, bytes) && ty != BT_TYPE(t, tuple);
}

/* ---- the index of basic refs ----
 * ref(obj) and proxy(obj) without a callback give the same weakref each
 * time, as in CPython. An open-addressed table maps a referent's address
 * and the type to that basic ref; the collector's sweep rebuilds it from
 * the survivors, so it never holds a freed object. */

typedef struct BtWeakIndex BtWeakIndex;
struct BtWeakIndex {
    size_t cap, count; /* cap is 0 or a power of two, at most half full */
    BtWeakRef **slots; /* NULL or a basic ref (exact type, no callback) */
};

static size_t index_hash(const BtObject *o, size_t cap) {
    uintptr_t x = (uintptr_t)o >> 3;
    x ^= x >> 17;
    return (size_t)(x * 0x9E3779B97F4A7C15u) & (cap - 1);
}

static BtWeakRef *index_find(const BtWeakIndex *ix, const BtObject *o, const BtType *type) {
    if (!ix || !ix->cap)
        return NULL;
    for (size_t i = index_hash(o, ix->cap);; i = (i + 1) & (ix->cap - 1)) {
        BtWeakRef *w = ix->slots[i];
        if (!w || (w->referent == o && w->hdr.type == type))
            return w;
    }
}

static void index_put(BtWeakIndex *ix, BtWeakRef *w) {
    size_t i = index_hash(w->referent, ix->cap);
    while (ix->slots[i])
        i = (i + 1) & (ix->cap - 1);
    ix->slots[i] = w;
    ix->count++;
}

/* Add w; false when out of memory (w is then simply not shared). */
static bool index_add(BtInterp *in, BtWeakRef *w) {
    BtWeakIndex *ix = in->weakref_index;
    if (!ix) {
        ix = in->weakref_index = calloc(1, sizeof *ix);
        if (!ix)
            return false;
    }
    if ((ix->count + 1) * 2 > ix->cap) {
        size_t cap = ix->cap ? ix->cap * 2 : 16;
        BtWeakRef **grown = calloc(cap, sizeof *grown), **old = ix->slots;
        if (!grown)
            return false;
        size_t oldcap = ix->cap;
        ix->slots = grown;
        ix->cap = cap;
        ix->count = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i])
                index_put(ix, old[i]);
        free(old);
    }
    index_put(ix, w);
    return true;
}

void bt_weakref_free_index(BtInterp *in) {
    if (in->weakref_index)
        free(in->weakref_index->slots);
    free(in->weakref_index);
    in->weakref_index = NULL;
}

/* "cannot create weak reference to 'weakref.ReferenceType' object": the
 * module is named for types outside builtins, as CPython's tp_name does. */
static void raise_not_referenceable(BtThread *t, BtValue obj) {
    BtType *ty = bt_as_obj(obj)->type;
    BtStr *mod = bt_is_obj(obj) && !(ty->flags & BT_TYPE_HEAPTYPE) ? ty->module : NULL;
    if (mod && strcmp(mod->data, "builtins") != 0)
        bt_raise(t, BT_EXC(t, TypeError), "cannot create weak reference to '%s.%s' object",
                 mod->data, bt_type_name(t, obj));
    else
        bt_raise(t, BT_EXC(t, TypeError), "cannot create weak reference to '%s' object",
                 bt_type_name(t, obj));
}

BtValue bt_weakref_new(BtThread *t, BtType *type, BtValue obj, BtValue callback) {
    if (!referenceable(t, obj)) {
        if (bt_is_obj(obj))
            raise_not_referenceable(t, obj);
        else
            bt_raise(t, BT_EXC(t, TypeError), "cannot create weak reference to '%s' object",
                     bt_type_name(t, obj));
        return BT_UNDEF;
    }
    if (bt_is_undef(callback))
        callback = BT_NONE;
    bool basic = (type == BT_TYPE(t, weakref) || type == BT_TYPE(t, weakproxy)) &&
                 bt_is_none(callback);
    if (basic) {
        BtWeakRef *same = index_find(t->interp->weakref_index, bt_as_obj(obj), type);
        if (same)
            return bt_obj(same);
    }
    BtWeakRef *w = bt_gc_alloc(t, type, sizeof(BtWeakRef));
    if (!w)
        return BT_UNDEF;
    w->referent = bt_as_obj(obj);
    w->callback = callback;
    BtHeap *h = &t->interp->heap;
    w->next = h->weakrefs;
    h->weakrefs = w;
    if (basic)
        (void)index_add(t->interp, w);
    return bt_obj(w);
}

void bt_weakref_sweep(BtInterp *in) {
    BtHeap *h = &in->heap;
    BtWeakIndex *ix = in->weakref_index;
    if (ix && ix->cap) {
        memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
        ix->count = 0;
    }
    for (BtWeakRef **link = &h->weakrefs; *link;) {
        BtWeakRef *w = *link;
        if (!w->hdr.gc_mark) { /* the weakref itself dies: forget it, no callback */
            *link = w->next;
            continue;
        }
        if (w->referent && !w->referent->gc_mark) {
            w->referent = NULL;
            if (!bt_is_none(w->callback))
                bt_gc_queue_finalizer(in, &w->hdr);
        }
        /* The table only shrinks here (it was at most half full), so no
         * allocation is needed inside the collector. */
        if (ix && ix->count + 1 < ix->cap && w->referent && bt_is_none(w->callback) &&
            (w->hdr.type == in->types.weakref || w->hdr.type == in->types.weakproxy) &&
            !index_find(ix, w->referent, w->hdr.type))
            index_put(ix, w);
        link = &w->next;
    }
}

void bt_weakref_fire(BtThread *t, BtValue wr) {
    BtValue cb = as_wr(wr)->callback;
    as_wr(wr)->callback = BT_NONE; /* once */
    BT_PUSH_ROOT(t, &cb);
    if (bt_is_undef(bt_call(t, cb, &wr, 1, NULL)))
        bt_exc_report_unraisable(t, "in", cb, bt_take_exc(t));
    BT_POP_ROOT(t, 1);
}

/* ---- weakref.ref ---- */

static void wr_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtWeakRef *)self)->callback);
}

static BtValue wr_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (!bt_check_args(t, "ref", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    return bt_weakref_new(t, type, args[0], nargs == 2 ? args[1] : BT_NONE);
}

static BtValue wr_call(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "weakref", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtObject *o = as_wr(self)->referent;
    return o ? bt_obj(o) : BT_NONE;
}

static BtValue wr_repr(BtThread *t, BtValue self) {
    BtObject *o = as_wr(self)->referent;
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    if (!o) {
        BtStr *s = bt_str_format(t, "<weakref at %s; dead>", addr);
        return s ? bt_obj(s) : BT_UNDEF;
    }
    char to[32];
    snprintf(to, sizeof to, "%p", (void *)o);
    BtValue name = bt_getattr_opt(t, bt_obj(o), BT_NAME(t, dunder_name));
    if (bt_has_exc(t))
        bt_take_exc(t);
    BtStr *s = bt_is_str(t, name)
                   ? bt_str_format(t, "<weakref at %s; to '%s' at %s (%S)>", addr,
                                   bt_type_name(t, bt_obj(o)), to, bt_as_str(name))
                   : bt_str_format(t, "<weakref at %s; to '%s' at %s>", addr,
                                   bt_type_name(t, bt_obj(o)), to);
    return s ? bt_obj(s) : BT_UNDEF;
}

static bool wr_hash(BtThread *t, BtValue self, int64_t *out) {
    BtObject *o = as_wr(self)->referent;
    if (!o) {
        bt_raise(t, BT_EXC(t, TypeError), "weak object has gone away");
        return false;
    }
    return bt_hash(t, bt_obj(o), out);
}

/* Two live weakrefs are equal when their objects are; otherwise identity. */
static BtValue wr_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if ((op != BT_COMPARE_EQ && op != BT_COMPARE_NE) || !bt_is_obj(b) ||
        bt_as_obj(b)->type != bt_as_obj(a)->type)
        return bt_obj(t->interp->not_implemented);
    BtObject *x = as_wr(a)->referent, *y = as_wr(b)->referent;
    if (!x || !y) {
        bool same = bt_as_obj(a) == bt_as_obj(b);
        return bt_bool(op == BT_COMPARE_EQ ? same : !same);
    }
    int eq = bt_equal(t, bt_obj(x), bt_obj(y));
    if (eq < 0)
        return BT_UNDEF;
    return bt_bool(op == BT_COMPARE_EQ ? eq : !eq);
}

/* ---- weakref.proxy ---- */

/* The proxy's object, or ReferenceError. */
static bool target(BtThread *t, BtValue self, BtValue *out) {
    BtObject *o = as_wr(self)->referent;
    if (!o) {
        bt_raise(t, BT_EXC(t, ReferenceError), "weakly-referenced object no longer exists");
        return false;
    }
    *out = bt_obj(o);
    return true;
}

static BtValue px_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtValue o;
    return target(t, self, &o) ? bt_getattr(t, o, name) : BT_UNDEF;
}

static bool px_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtValue o;
    if (!target(t, self, &o))
        return false;
    return bt_is_undef(v) ? bt_delattr(t, o, name) : bt_setattr(t, o, name, v);
}

static BtValue px_repr(BtThread *t, BtValue self) {
    BtObject *o = as_wr(self)->referent;
    char addr[32], to[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    snprintf(to, sizeof to, "%p", (void *)o);
    BtStr *s = o ? bt_str_format(t, "<weakproxy at %s; to '%s' at %s>", addr,
                                 bt_type_name(t, bt_obj(o)), to)
                 : bt_str_format(t, "<weakproxy at %s; dead>", addr);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue px_str(BtThread *t, BtValue self) {
    BtValue o;
    return target(t, self, &o) ? bt_str(t, o) : BT_UNDEF;
}

static BtValue px_iter(BtThread *t, BtValue self) {
    BtValue o;
    return target(t, self, &o) ? bt_iter(t, o) : BT_UNDEF;
}

static BtValue px_next(BtThread *t, BtValue self) {
    BtValue o;
    return target(t, self, &o) ? bt_next_keep_stop(t, o) : BT_UNDEF;
}

static int64_t px_len(BtThread *t, BtValue self) {
    BtValue o;
    return target(t, self, &o) ? bt_len(t, o) : -1;
}

static int px_truth(BtThread *t, BtValue self) {
    BtValue o;
    return target(t, self, &o) ? bt_truthy(t, o) : -1;
}

static BtValue px_call(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtValue o;
    return target(t, self, &o) ? bt_call(t, o, args, nargs, kwnames) : BT_UNDEF;
}

static BtValue px_getitem(BtThread *t, BtValue self, BtValue key) {
    BtValue o;
    return target(t, self, &o) ? bt_getitem(t, o, key) : BT_UNDEF;
}

static bool px_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    BtValue o;
    if (!target(t, self, &o))
        return false;
    return bt_is_undef(v) ? bt_delitem(t, o, key) : bt_setitem(t, o, key, v);
}

static int px_contains(BtThread *t, BtValue self, BtValue item) {
    BtValue o;
    return target(t, self, &o) ? bt_contains(t, o, item) : -1;
}

/* Operators see the object in place of any proxy operand. */
static bool unproxy(BtThread *t, BtValue *v) {
    if (bt_is_obj(*v) && bt_as_obj(*v)->type == BT_TYPE(t, weakproxy))
        return target(t, *v, v);
    return true;
}

static BtValue px_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (!unproxy(t, &a) || !unproxy(t, &b))
        return BT_UNDEF;
    return bt_binary_op(t, op, a, b);
}

static BtValue px_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!unproxy(t, &a) || !unproxy(t, &b))
        return BT_UNDEF;
    return bt_compare(t, a, b, op);
}

static BtValue px_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)type;
    if (!bt_check_args(t, "proxy", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    return bt_weakref_new(t, BT_TYPE(t, weakproxy), args[0], nargs == 2 ? args[1] : BT_NONE);
}

bool bt_weakref_init_types(BtThread *t) {
    BtType *wr = BT_TYPE(t, weakref);
    wr->instance_size = sizeof(BtWeakRef);
    wr->trace = wr_trace;
    wr->construct = wr_construct;
    wr->call = wr_call;
    wr->repr = wr_repr;
    wr->hash = wr_hash;
    wr->compare = wr_compare;
    BtType *px = BT_TYPE(t, weakproxy);
    px->instance_size = sizeof(BtWeakRef);
    px->trace = wr_trace;
    px->construct = px_construct;
    px->getattr = px_getattr;
    px->setattr = px_setattr;
    px->repr = px_repr;
    px->str = px_str;
    px->iter = px_iter;
    px->next = px_next;
    px->len = px_len;
    px->truth = px_truth;
    px->call = px_call;
    px->getitem = px_getitem;
    px->setitem = px_setitem;
    px->contains = px_contains;
    px->binary = px_binary;
    px->compare = px_compare;
    BtStr *module = bt_str_intern_cstr(t, "weakref");
    wr->module = px->module = module;
    return module != NULL;
}
