/* generic_alias.c: list[int], int | None and friends (vm stage; see vm/README.md).
 *
 * Annotations subscript classes: `def f(xs: list[int]) -> dict[str, int]`.
 * Subscripting a class asks its __class_getitem__ (a class method, as in
 * CPython); the built-in containers answer with a GenericAlias that remembers
 * the class and the arguments, prints as `list[int]` and, called, makes a
 * list. `int | None` makes a types.UnionType, which isinstance() accepts.
 * Nothing checks annotations: they are not enforced.
 */
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/strformat.h"

typedef struct {
    BtObject hdr;
    BtValue origin; /* the class */
    BtValue args;   /* a tuple */
} BtGenericAlias;

static BtGenericAlias *as_ga(BtValue v) {
    return (BtGenericAlias *)bt_as_obj(v);
}

typedef struct {
    BtObject hdr;
    BtValue args; /* a tuple of the alternatives, no duplicates */
} BtUnion;

/* How typing shows a type argument: `int`, `mod.Class`, `None`, `...`, else repr. */
static bool arg_repr(BtThread *t, BtBuf *b, BtValue v) {
    if (bt_is_obj(v) && bt_as_obj(v) == (BtObject *)BT_TYPE(t, none)) {
        bt_buf_append(b, "None", 4);
        return true;
    }
    if (bt_is_class(t, v)) {
        BtType *ty = (BtType *)bt_as_obj(v);
        BtStr *mod = ty->module;
        if (mod && strcmp(mod->data, "builtins") != 0) {
            bt_buf_append(b, mod->data, mod->size);
            bt_buf_append(b, ".", 1);
        }
        bt_buf_append(b, ty->qualname->data, ty->qualname->size);
        return true;
    }
    if (bt_is_obj(v) && bt_as_obj(v) == t->interp->ellipsis) {
        bt_buf_append(b, "...", 3);
        return true;
    }
    if (bt_is_list(t, v)) {
        bt_buf_append(b, "[", 1);
        for (size_t i = 0; i < bt_as_list(v)->len; i++) {
            if (i)
                bt_buf_append(b, ", ", 2);
            if (!arg_repr(t, b, bt_as_list(v)->items[i]))
                return false;
        }
        bt_buf_append(b, "]", 1);
        return true;
    }
    BtValue r = bt_repr(t, v);
    if (bt_is_undef(r))
        return false;
    bt_buf_append(b, bt_as_str(r)->data, bt_as_str(r)->size);
    return true;
}

static BtValue ga_repr(BtThread *t, BtValue self) {
    BtGenericAlias *g = as_ga(self);
    BtBuf b;
    bt_buf_init(&b);
    bool ok = arg_repr(t, &b, g->origin);
    bt_buf_append(&b, "[", 1);
    BtTuple *args = bt_as_tuple(g->args);
    if (args->len == 0)
        bt_buf_append(&b, "()", 2);
    for (size_t i = 0; ok && i < args->len; i++) {
        if (i)
            bt_buf_append(&b, ", ", 2);
        ok = arg_repr(t, &b, args->items[i]);
    }
    bt_buf_append(&b, "]", 1);
    if (!ok) {
        bt_buf_free(&b);
        return BT_UNDEF;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue ga_call(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    return bt_call(t, as_ga(self)->origin, args, nargs, kwnames);
}

static BtValue ga_getattr(BtThread *t, BtValue self, BtStr *name) {
    if (strcmp(name->data, "__origin__") == 0)
        return as_ga(self)->origin;
    if (strcmp(name->data, "__args__") == 0)
        return as_ga(self)->args;
    return bt_generic_getattr(t, self, name);
}

static BtValue ga_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if ((op != BT_COMPARE_EQ && op != BT_COMPARE_NE) || !bt_is_obj(b) ||
        bt_as_obj(b)->type != bt_as_obj(a)->type)
        return bt_obj(t->interp->not_implemented);
    int eq = bt_same(as_ga(a)->origin, as_ga(b)->origin);
    if (eq)
        eq = bt_equal(t, as_ga(a)->args, as_ga(b)->args);
    if (eq < 0)
        return BT_UNDEF;
    return bt_bool(op == BT_COMPARE_EQ ? eq : !eq);
}

static bool ga_hash(BtThread *t, BtValue self, int64_t *out) {
    int64_t h;
    if (!bt_hash(t, as_ga(self)->args, &h))
        return false;
    *out = h ^ (int64_t)((uintptr_t)bt_as_obj(as_ga(self)->origin) >> 4);
    if (*out == -1)
        *out = -2;
    return true;
}

static void ga_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtGenericAlias *)self)->origin);
    bt_gc_mark(gc, ((BtGenericAlias *)self)->args);
}

/* cls[key] for a built-in container class. */
static BtValue alias_new(BtThread *t, BtValue cls, BtValue key) {
    BtValue args = bt_is_tuple(t, key) ? key : bt_obj(bt_tuple_from(t, &key, 1));
    if (!bt_as_obj(args))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &args);
    BtGenericAlias *g = bt_gc_alloc(t, BT_TYPE(t, generic_alias), sizeof(BtGenericAlias));
    BT_POP_ROOT(t, 1);
    if (!g)
        return BT_UNDEF;
    g->origin = cls;
    g->args = args;
    return bt_obj(g);
}

static BtValue class_getitem(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    /* Bound to the class (list.__class_getitem__(int)), or called with it first. */
    if (!bt_is_undef(self) && nargs == 1 && !(kwnames && kwnames->len))
        return alias_new(t, self, args[0]);
    if (!bt_check_args(t, "__class_getitem__", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    return alias_new(t, args[0], args[1]);
}

BtValue bt_class_getitem(BtThread *t, BtValue cls, BtValue key) {
    BtValue m = bt_type_lookup((BtType *)bt_as_obj(cls), BT_NAME(t, dunder_class_getitem));
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "type '%S' is not subscriptable",
                 ((BtType *)bt_as_obj(cls))->name);
        return BT_UNDEF;
    }
    /* A class's own __class_getitem__ is a class method even undecorated. */
    if (bt_is_obj(m) && (bt_as_obj(m)->type == BT_TYPE(t, classmethod) ||
                         bt_as_obj(m)->type == BT_TYPE(t, staticmethod)))
        m = ((BtFuncWrapper *)bt_as_obj(m))->func;
    BtValue argv[2] = {cls, key};
    return bt_call(t, m, argv, 2, NULL);
}

/* ---- int | None ---- */

static bool is_union(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, union_type);
}

BtTuple *bt_union_args(BtThread *t, BtValue v) {
    return is_union(t, v) ? bt_as_tuple(((BtUnion *)bt_as_obj(v))->args) : NULL;
}

static bool unionable(BtThread *t, BtValue v) {
    return bt_is_none(v) || (bt_is_obj(v) && (bt_is_class(t, v) ||
                                              bt_as_obj(v)->type == BT_TYPE(t, generic_alias) ||
                                              is_union(t, v)));
}

/* Add v (None as NoneType; a union's alternatives one by one) unless present. */
static bool union_add(BtThread *t, BtList *l, BtValue v) {
    BtTuple *inner = bt_union_args(t, v);
    if (inner) {
        for (size_t i = 0; i < inner->len; i++)
            if (!union_add(t, l, inner->items[i]))
                return false;
        return true;
    }
    if (bt_is_none(v))
        v = bt_obj(BT_TYPE(t, none));
    for (size_t i = 0; i < l->len; i++) {
        int eq = bt_equal(t, l->items[i], v);
        if (eq != 0)
            return eq > 0;
    }
    return bt_list_append(t, l, v);
}

static BtValue union_or(BtThread *t, int op, BtValue a, BtValue b) {
    if (op != BT_BINOP_OR || !unionable(t, a) || !unionable(t, b))
        return bt_obj(t->interp->not_implemented);
    BtValue items = bt_obj(bt_list_new(t, 0));
    if (!bt_as_obj(items))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &items);
    BtValue r = BT_UNDEF;
    if (union_add(t, bt_as_list(items), a) && union_add(t, bt_as_list(items), b)) {
        BtList *l = bt_as_list(items);
        if (l->len == 1) {
            r = l->items[0];
        } else {
            BtValue args = bt_obj(bt_tuple_from(t, l->items, l->len));
            BT_PUSH_ROOT(t, &args);
            BtUnion *u = bt_as_obj(args) ? bt_gc_alloc(t, BT_TYPE(t, union_type), sizeof(BtUnion)) : NULL;
            BT_POP_ROOT(t, 1);
            if (u) {
                u->args = args;
                r = bt_obj(u);
            }
        }
    }
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue union_repr(BtThread *t, BtValue self) {
    BtTuple *args = bt_union_args(t, self);
    BtBuf b;
    bt_buf_init(&b);
    bool ok = true;
    for (size_t i = 0; ok && i < args->len; i++) {
        if (i)
            bt_buf_append(&b, " | ", 3);
        ok = arg_repr(t, &b, args->items[i]);
    }
    if (!ok) {
        bt_buf_free(&b);
        return BT_UNDEF;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue union_getattr(BtThread *t, BtValue self, BtStr *name) {
    if (strcmp(name->data, "__args__") == 0)
        return ((BtUnion *)bt_as_obj(self))->args;
    return bt_generic_getattr(t, self, name);
}

/* Equal when they hold the same alternatives, in any order. */
static BtValue union_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if ((op != BT_COMPARE_EQ && op != BT_COMPARE_NE) || !is_union(t, b))
        return bt_obj(t->interp->not_implemented);
    BtTuple *x = bt_union_args(t, a), *y = bt_union_args(t, b);
    bool same = x->len == y->len;
    for (size_t i = 0; same && i < x->len; i++) {
        bool found = false;
        for (size_t j = 0; !found && j < y->len; j++) {
            int eq = bt_equal(t, x->items[i], y->items[j]);
            if (eq < 0)
                return BT_UNDEF;
            found = eq;
        }
        same = found;
    }
    return bt_bool(op == BT_COMPARE_EQ ? same : !same);
}

static bool union_hash(BtThread *t, BtValue self, int64_t *out) {
    BtTuple *args = bt_union_args(t, self);
    int64_t h = 0x345678;
    for (size_t i = 0; i < args->len; i++) {
        int64_t x;
        if (!bt_hash(t, args->items[i], &x))
            return false;
        h ^= x; /* order-blind, like the equality */
    }
    *out = h == -1 ? -2 : h;
    return true;
}

static void union_trace(BtGc *gc, BtObject *self) {
    bt_gc_mark(gc, ((BtUnion *)self)->args);
}

bool bt_generic_alias_init_type(BtThread *t) {
    BtType *un = BT_TYPE(t, union_type);
    un->instance_size = sizeof(BtUnion);
    un->repr = union_repr;
    un->getattr = union_getattr;
    un->compare = union_compare;
    un->hash = union_hash;
    un->trace = union_trace;
    un->binary = union_or;
    BT_TYPE(t, type)->binary = union_or;
    BtType *ga = BT_TYPE(t, generic_alias);
    ga->instance_size = sizeof(BtGenericAlias);
    ga->repr = ga_repr;
    ga->call = ga_call;
    ga->getattr = ga_getattr;
    ga->compare = ga_compare;
    ga->hash = ga_hash;
    ga->trace = ga_trace;
    ga->binary = union_or;
    ga->module = un->module = bt_str_intern_cstr(t, "types");
    if (!ga->module)
        return false;
    /* The containers CPython makes generic (PEP 585). */
    BtType *generic[] = {BT_TYPE(t, list),      BT_TYPE(t, dict),  BT_TYPE(t, tuple),
                         BT_TYPE(t, set),       BT_TYPE(t, frozenset), BT_TYPE(t, type),
                         BT_TYPE(t, deque)};
    for (size_t i = 0; i < sizeof generic / sizeof *generic; i++)
        if (!bt_type_add_static(t, generic[i], "__class_getitem__", class_getitem, true))
            return false;
    return true;
}
