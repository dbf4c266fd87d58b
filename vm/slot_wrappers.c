/* slot_wrappers.c: the dunder methods of the built-in types (vm stage; see
 * vm/README.md).
 *
 * A built-in type does its work in C slots (type->binary, ->compare, ->len...),
 * which the VM calls directly. Python code sees the same operations as
 * methods: `int.__add__(2, 3)`, `super().__lt__(other)` in a subclass of
 * tuple, `hasattr(x, "__add__")`. This file puts those methods in the types'
 * dicts, each a small native that calls the slot of the built-in type that
 * self belongs to (its solid built-in base, for an instance of a subclass),
 * never the subclass's dispatcher, so an override that calls super() cannot
 * loop back into itself.
 */
#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#include "vm/container_internal.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

/* The built-in type whose C slots self's value uses. */
static BtType *builtin_type_of(BtThread *t, BtValue self) {
    BtType *type = bt_type_of(t, self);
    while (type->flags & BT_TYPE_HEAPTYPE)
        type = type->base;
    return type;
}

static bool one_arg(BtThread *t, const char *name, int nargs, BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "wrapper %s() takes no keyword arguments", name);
        return false;
    }
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "expected 1 argument, got %d", nargs);
        return false;
    }
    return true;
}

static bool no_args(BtThread *t, const char *name, int nargs, BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "wrapper %s() takes no keyword arguments", name);
        return false;
    }
    if (nargs != 0) {
        bt_raise(t, BT_EXC(t, TypeError), "expected 0 arguments, got %d", nargs);
        return false;
    }
    return true;
}

/* ---- binary operators: __add__, __radd__, __iadd__, ... ---- */

static BtValue binary(BtThread *t, int op, bool reflected, BtValue self, BtValue *args, int nargs,
                      BtTuple *kwnames) {
    if (!one_arg(t, "operator", nargs, kwnames))
        return BT_UNDEF;
    BtType *type = builtin_type_of(t, self);
    if (!type->binary)
        return bt_obj(t->interp->not_implemented);
    BtValue other = bt_unbox(args[0]); /* int.__add__(5, Money(3)) is 8 */
    return reflected ? type->binary(t, op, other, self) : type->binary(t, op, self, other);
}

#define BINARY_WRAPPERS(name, sym, d, rd, id)                                                      \
    static BtValue op_##name(BtThread *t, BtValue self, BtValue *args, int nargs,                 \
                             BtTuple *kwnames) {                                                   \
        return binary(t, BT_BINOP_##name, false, self, args, nargs, kwnames);                      \
    }                                                                                              \
    static BtValue rop_##name(BtThread *t, BtValue self, BtValue *args, int nargs,                \
                              BtTuple *kwnames) {                                                  \
        return binary(t, BT_BINOP_##name, true, self, args, nargs, kwnames);                       \
    }                                                                                              \
    static BtValue iop_##name(BtThread *t, BtValue self, BtValue *args, int nargs,                \
                              BtTuple *kwnames) {                                                  \
        return binary(t, BT_BINOP_##name + BT_BINOP__COUNT, false, self, args, nargs, kwnames);    \
    }
BT_BINOPS(BINARY_WRAPPERS)
#undef BINARY_WRAPPERS

static const BtNativeFn binary_fns[BT_BINOP__COUNT][3] = {
#define BINARY_FNS(name, sym, d, rd, id) {op_##name, rop_##name, iop_##name},
    BT_BINOPS(BINARY_FNS)
#undef BINARY_FNS
};

/* ops has one char per BT_BINOPS entry, for the methods a type has, as in
 * CPython: '.' none, 'l' plain only (__add__), 'b' plain and reflected
 * (__mul__, __rmul__), 'L' plain and in-place, 'i' all three. */
static bool add_binary_methods(BtThread *t, BtType *type, const char *ops) {
    for (int op = 0; op < BT_BINOP__COUNT && ops[op]; op++) {
        char form = ops[op];
        if (form == '.')
            continue;
        bool plain = true, refl = form == 'b' || form == 'i', inplace = form == 'i' || form == 'L';
        for (int k = 0; k < 3; k++) {
            if (!((k == 0 && plain) || (k == 1 && refl) || (k == 2 && inplace)))
                continue;
            BtStr *name = t->interp->binop_names[op][k];
            if (!bt_is_undef(bt_dict_get_str(type->dict, name)))
                continue;
            BtNativeDef def[2] = {{name->data, binary_fns[op][k]}, {NULL, NULL}};
            if (!bt_type_add_methods(t, type, def))
                return false;
        }
    }
    return true;
}

/* ---- comparisons ---- */

static BtValue compare(BtThread *t, BtCompareOp op, BtValue self, BtValue *args, int nargs,
                       BtTuple *kwnames) {
    if (!one_arg(t, "operator", nargs, kwnames))
        return BT_UNDEF;
    BtType *type = builtin_type_of(t, self);
    /* int.__eq__(1, 1.0) is NotImplemented in CPython: int's own methods
     * take ints; `1 == 1.0` gets its answer from float's. */
    BtValue other = bt_unbox(args[0]);
    if (bt_is_intlike(self) && !bt_is_intlike(other))
        return bt_obj(t->interp->not_implemented);
    return type->compare(t, self, other, op);
}

#define COMPARE_WRAPPER(fname, op)                                                                 \
    static BtValue fname(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) { \
        return compare(t, op, self, args, nargs, kwnames);                                         \
    }
COMPARE_WRAPPER(cmp_lt, BT_COMPARE_LT)
COMPARE_WRAPPER(cmp_le, BT_COMPARE_LE)
COMPARE_WRAPPER(cmp_eq, BT_COMPARE_EQ)
COMPARE_WRAPPER(cmp_ne, BT_COMPARE_NE)
COMPARE_WRAPPER(cmp_gt, BT_COMPARE_GT)
COMPARE_WRAPPER(cmp_ge, BT_COMPARE_GE)
#undef COMPARE_WRAPPER

/* ---- one-operand slots ---- */

static BtValue w_bool(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "__bool__", nargs, kwnames))
        return BT_UNDEF;
    int r = builtin_type_of(t, self)->truth(t, self);
    return r < 0 ? BT_UNDEF : bt_bool(r);
}

static BtValue w_hash(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "__hash__", nargs, kwnames))
        return BT_UNDEF;
    int64_t h;
    return builtin_type_of(t, self)->hash(t, self, &h) ? bt_int_from_i64(t, h) : BT_UNDEF;
}

static BtValue w_repr(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "__repr__", nargs, kwnames))
        return BT_UNDEF;
    return builtin_type_of(t, self)->repr(t, self);
}

static BtValue w_str(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!no_args(t, "__str__", nargs, kwnames))
        return BT_UNDEF;
    return builtin_type_of(t, self)->str(t, self);
}

static BtValue unary(BtThread *t, int op, const char *name, BtValue self, int nargs,
                     BtTuple *kwnames) {
    if (!no_args(t, name, nargs, kwnames))
        return BT_UNDEF;
    return builtin_type_of(t, self)->unary(t, op, self);
}

static BtValue w_neg(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return unary(t, '-', "__neg__", self, nargs, kwnames);
}

static BtValue w_pos(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return unary(t, '+', "__pos__", self, nargs, kwnames);
}

static BtValue w_invert(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return unary(t, '~', "__invert__", self, nargs, kwnames);
}

/* ---- numbers: abs(), float(), int(), round() as methods ---- */

static BtValue w_abs(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return no_args(t, "__abs__", nargs, kwnames) ? bt_num_abs(t, self) : BT_UNDEF;
}

static BtValue w_float(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return no_args(t, "__float__", nargs, kwnames) ? bt_float_from(t, self) : BT_UNDEF;
}

static BtValue w_int(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return no_args(t, "__int__", nargs, kwnames) ? bt_int_from(t, self) : BT_UNDEF;
}

static BtValue w_round(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "__round__", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    return bt_num_round(t, self, nargs ? args[0] : BT_UNDEF);
}

/* __floor__ and __ceil__: an int is its own; a float rounds to an int. */
static BtValue floor_or_ceil(BtThread *t, const char *name, bool ceiling, BtValue self, int nargs,
                             BtTuple *kwnames) {
    if (!no_args(t, name, nargs, kwnames))
        return BT_UNDEF;
    BtValue v = bt_unbox(self);
    if (bt_is_float(v))
        return bt_int_from_double(t, ceiling ? ceil(bt_as_f64(v)) : floor(bt_as_f64(v)));
    return bt_int_from(t, v);
}

static BtValue w_floor(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return floor_or_ceil(t, "__floor__", false, self, nargs, kwnames);
}

static BtValue w_ceil(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return floor_or_ceil(t, "__ceil__", true, self, nargs, kwnames);
}

static BtValue divmod(BtThread *t, BtValue a, BtValue b) {
    a = bt_unbox(a), b = bt_unbox(b);
    bool numbers = (bt_is_integer(a) || bt_is_float(a)) && (bt_is_integer(b) || bt_is_float(b));
    return numbers ? bt_num_divmod(t, a, b) : bt_obj(t->interp->not_implemented);
}

static BtValue w_divmod(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    return one_arg(t, "__divmod__", nargs, kwnames) ? divmod(t, self, args[0]) : BT_UNDEF;
}

static BtValue w_rdivmod(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    return one_arg(t, "__rdivmod__", nargs, kwnames) ? divmod(t, args[0], self) : BT_UNDEF;
}

static const BtNativeDef number_methods[] = {
    {"__abs__", w_abs},     {"__float__", w_float},   {"__int__", w_int},
    {"__trunc__", w_int},   {"__round__", w_round},   {"__divmod__", w_divmod},
    {"__rdivmod__", w_rdivmod}, {"__floor__", w_floor},   {"__ceil__", w_ceil},
    {NULL, NULL}};

/* ---- putting them in the dicts ---- */

/* Add name -> fn unless the type defines name itself. */
static bool add_missing(BtThread *t, BtType *type, const char *name, BtNativeFn fn) {
    BtStr *key = bt_str_intern_cstr(t, name);
    if (!key)
        return false;
    if (!bt_is_undef(bt_dict_get_str(type->dict, key)))
        return true;
    BtNativeDef def[2] = {{name, fn}, {NULL, NULL}};
    return bt_type_add_methods(t, type, def);
}

static bool add_slot_methods(BtThread *t, BtType *type) {
    BtType *object = BT_TYPE(t, object);
    bool ok = true;
    if (type->compare && type->compare != object->compare) {
        ok = ok && add_missing(t, type, "__lt__", cmp_lt) && add_missing(t, type, "__le__", cmp_le) &&
             add_missing(t, type, "__eq__", cmp_eq) && add_missing(t, type, "__ne__", cmp_ne) &&
             add_missing(t, type, "__gt__", cmp_gt) && add_missing(t, type, "__ge__", cmp_ge);
    }
    if (type->hash && type->hash != object->hash)
        ok = ok && add_missing(t, type, "__hash__", w_hash);
    if (type->repr && type->repr != object->repr)
        ok = ok && add_missing(t, type, "__repr__", w_repr);
    if (type->str)
        ok = ok && add_missing(t, type, "__str__", w_str);
    /* __len__, __getitem__, __iter__... come from iter.c, for the containers
     * that did not ask for them at set-up (str, bytes...). */
    static const char *const container[] = {"__len__", "__getitem__", "__iter__",
                                            "__contains__"};
    bool has_any = false;
    for (size_t i = 0; i < sizeof container / sizeof *container; i++) {
        BtStr *key = bt_str_intern_cstr(t, container[i]);
        if (!key)
            return false;
        has_any |= !bt_is_undef(bt_dict_get_str(type->dict, key));
    }
    if (!has_any && type != BT_TYPE(t, type) &&
        (type->len || type->getitem || type->contains || type->iter))
        ok = ok && bt_add_container_dunders(t, type);
    return ok;
}

bool bt_type_add_slot_wrappers(BtThread *t) {
    bool ok = true;
#define ADD_SLOTS(field, pyname) ok = ok && add_slot_methods(t, BT_TYPE(t, field));
    BT_BUILTIN_TYPES(ADD_SLOTS)
#undef ADD_SLOTS
    /* Operators, per BT_BINOPS' order: + - * / // % ** << >> & | ^ @ */
    static const struct {
        size_t type_offset;
        const char *ops;
    } binops[] = {
        {offsetof(BtInterp, types.int_), "bbbbbbbbbbbb."},
        {offsetof(BtInterp, types.bool_), ".........bbb."},
        {offsetof(BtInterp, types.float_), "bbbbbbb......"},
        {offsetof(BtInterp, types.str), "l.b..b......."},
        {offsetof(BtInterp, types.bytes), "l.b..b......."},
        {offsetof(BtInterp, types.bytearray), "L.i..b......."},
        {offsetof(BtInterp, types.tuple), "l.b.........."},
        {offsetof(BtInterp, types.list), "L.i.........."},
        {offsetof(BtInterp, types.dict), "..........i.."},
        {offsetof(BtInterp, types.set), ".i.......iii."},
        {offsetof(BtInterp, types.frozenset), ".b.......bbb."},
    };
    for (size_t i = 0; ok && i < sizeof binops / sizeof *binops; i++) {
        BtType *type = *(BtType **)((char *)t->interp + binops[i].type_offset);
        ok = add_binary_methods(t, type, binops[i].ops);
    }
    BtType *it = BT_TYPE(t, int_), *ft = BT_TYPE(t, float_);
    ok = ok && add_missing(t, it, "__neg__", w_neg) && add_missing(t, it, "__pos__", w_pos) &&
         add_missing(t, it, "__invert__", w_invert) && add_missing(t, it, "__bool__", w_bool) &&
         add_missing(t, ft, "__neg__", w_neg) && add_missing(t, ft, "__pos__", w_pos) &&
         add_missing(t, ft, "__bool__", w_bool);
    for (const BtNativeDef *d = number_methods; ok && d->name; d++)
        ok = add_missing(t, it, d->name, d->fn) && add_missing(t, ft, d->name, d->fn);
    return ok;
}
