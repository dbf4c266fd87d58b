/* object.c: the generic object protocol and the `object` type (vm stage).
 *
 * These are the functions the eval loop and the builtins call for every
 * operation that is not on a fast path: they pick the right slot of the
 * operands' types, apply Python's rules for reflected operands and
 * NotImplemented, and produce CPython's TypeError texts when nothing fits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/type_internal.h"

/* ---- the C-stack guard ----
 *
 * Python calls made by Python code stay in one run of the eval loop, but
 * every call from C (a class's __init__, a sort key, __format__, a repr of a
 * nested list, a comparison of nested tuples, hashing...) nests C frames.
 * Rather than guess how many such levels fit, the guard asks where the C
 * stack ends: on first use it finds this thread's stack (its lowest address
 * and size) and sets a floor a safety margin above the bottom; a level that
 * starts below the floor raises RecursionError. The margin is what one level
 * of C code may use between two guard points, plus raising the error and
 * printing its traceback. Sanitizers make frames several times larger. */
#if defined(__SANITIZE_ADDRESS__)
#define C_STACK_MARGIN ((size_t)1 << 20)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define C_STACK_MARGIN ((size_t)1 << 20)
#endif
#endif
#ifndef C_STACK_MARGIN
#define C_STACK_MARGIN ((size_t)256 << 10)
#endif

/* The size the C stack of this thread may grow to from `here`, when the
 * thread library cannot say: the stack limit of the process, or 8 MB. */
static size_t stack_size_from_rlimit(void) {
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        return (size_t)rl.rlim_cur;
    return (size_t)8 << 20;
}

static void find_c_stack_floor(BtThread *t) {
    char *here = __builtin_frame_address(0);
    char *lowest = NULL;
    size_t size = 0;
#ifdef __linux__
    pthread_attr_t attr;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        void *addr;
        if (pthread_attr_getstack(&attr, &addr, &size) == 0)
            lowest = addr;
        pthread_attr_destroy(&attr);
    }
#endif
    if (!lowest || here < lowest || here >= lowest + size) {
        /* Unknown: assume the thread started not far above here. */
        size = stack_size_from_rlimit();
        lowest = (uintptr_t)here > size ? here - size : here;
    }
    size_t margin = C_STACK_MARGIN < size / 4 ? C_STACK_MARGIN : size / 4;
    t->c_stack_floor = lowest + margin;
}

bool bt_c_stack_ok(BtThread *t, const char *where) {
    char *here = __builtin_frame_address(0);
    if (!t->c_stack_floor)
        find_c_stack_floor(t);
    if (here < t->c_stack_floor) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded%s", where);
        return false;
    }
    if (t->roots_cap - t->nroots < BT_ROOTS_HEADROOM && !bt_gc_roots_reserve(t, BT_ROOTS_HEADROOM)) {
        bt_raise_memory(t);
        return false;
    }
    return true;
}

bool bt_enter_recursive(BtThread *t, const char *where) {
    if (t->py_depth >= t->interp->recursion_limit) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded%s", where);
        return false;
    }
    if (!bt_c_stack_ok(t, where))
        return false;
    t->py_depth++;
    t->c_depth++;
    return true;
}

void bt_leave_recursive(BtThread *t) {
    t->py_depth--;
    t->c_depth--;
}

BtType *bt_type_of(BtThread *t, BtValue v) {
    switch (bt_kind(v)) {
    case BT_V_OBJ:
        return bt_as_obj(v)->type;
    case BT_V_INT:
        return BT_TYPE(t, int_);
    case BT_V_FLOAT:
        return BT_TYPE(t, float_);
    case BT_V_BOOL:
        return BT_TYPE(t, bool_);
    case BT_V_NONE:
    case BT_V_UNDEF:
        break;
    }
    return BT_TYPE(t, none);
}

/* bt_type_of with the heap-object case inline, for the hot paths below. */
static inline BtType *type_of(BtThread *t, BtValue v) {
    return bt_is_obj(v) ? bt_as_obj(v)->type : bt_type_of(t, v);
}

const char *bt_type_name(BtThread *t, BtValue v) {
    return type_of(t, v)->name->data;
}

static bool is_not_implemented(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v) == t->interp->not_implemented;
}

static BtValue object_repr(BtThread *t, BtValue self);

/* ---- repr, str, hash ---- */

BtValue bt_repr(BtThread *t, BtValue v) {
    BtType *ty = type_of(t, v);
    if (!bt_enter_recursive(t, " while getting the repr of an object"))
        return BT_UNDEF;
    BtValue r = ty->repr ? ty->repr(t, v) : object_repr(t, v);
    bt_leave_recursive(t);
    return r;
}

BtValue bt_str(BtThread *t, BtValue v) {
    if (bt_is_int(v)) {
        BtStr *s = bt_int_to_base(t, v, 10, false, false);
        return s ? bt_obj(s) : BT_UNDEF;
    }
    BtType *ty = type_of(t, v);
    if (ty == BT_TYPE(t, str))
        return v;
    if (!bt_enter_recursive(t, " while getting the str of an object"))
        return BT_UNDEF;
    BtValue r = ty->str ? ty->str(t, v) : ty->repr ? ty->repr(t, v) : object_repr(t, v);
    bt_leave_recursive(t);
    return r;
}

bool bt_hash(BtThread *t, BtValue v, int64_t *out) {
    BtType *ty = type_of(t, v);
    if (!ty->hash) {
        bt_raise(t, BT_EXC(t, TypeError), "unhashable type: '%s'", ty->name->data);
        return false;
    }
    return ty->hash(t, v, out);
}

/* ---- comparison ---- */

static const BtCompareOp swapped_op[] = {
    [BT_COMPARE_LT] = BT_COMPARE_GT, [BT_COMPARE_LE] = BT_COMPARE_GE,
    [BT_COMPARE_EQ] = BT_COMPARE_EQ, [BT_COMPARE_NE] = BT_COMPARE_NE,
    [BT_COMPARE_GT] = BT_COMPARE_LT, [BT_COMPARE_GE] = BT_COMPARE_LE,
};
static const char *const compare_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

BtValue bt_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    BtType *ta = type_of(t, a), *tb = type_of(t, b);
    bool reflected_first = ta != tb && bt_issubtype(tb, ta) && tb->compare;
    if (!bt_enter_recursive(t, " in comparison"))
        return BT_UNDEF;
    BtValue r = BT_UNDEF;
    if (reflected_first) {
        r = tb->compare(t, b, a, swapped_op[op]);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            goto done;
    }
    if (ta->compare) {
        r = ta->compare(t, a, b, op);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            goto done;
    }
    if (!reflected_first && tb->compare) {
        r = tb->compare(t, b, a, swapped_op[op]);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            goto done;
    }
    if (op == BT_COMPARE_EQ || op == BT_COMPARE_NE) {
        bool same = bt_same(a, b);
        r = bt_bool(op == BT_COMPARE_EQ ? same : !same);
        goto done;
    }
    bt_raise(t, BT_EXC(t, TypeError), "'%s' not supported between instances of '%s' and '%s'",
             compare_symbol[op], ta->name->data, tb->name->data);
    r = BT_UNDEF;
done:
    bt_leave_recursive(t);
    return r;
}

int bt_equal(BtThread *t, BtValue a, BtValue b) {
    if (bt_same(a, b))
        return 1;
    if (bt_is_int(a) && bt_is_int(b))
        return bt_as_i64(a) == bt_as_i64(b);
    BtValue r = bt_compare(t, a, b, BT_COMPARE_EQ);
    if (bt_is_undef(r))
        return -1;
    if (bt_is_bool(r))
        return bt_as_bool(r);
    return bt_truthy(t, r);
}

/* ---- arithmetic ---- */

static BtValue binary_dispatch(BtThread *t, int op, BtValue a, BtValue b) {
    BtType *ta = type_of(t, a), *tb = type_of(t, b);
    if (ta != tb && bt_type_has_class_binary(ta) && bt_type_has_class_binary(tb))
        return bt_type_class_binary(t, op, a, b);
    BtValue r;
    bool reflected_first = ta != tb && tb->binary && bt_issubtype(tb, ta);
    if (reflected_first) {
        r = tb->binary(t, op, a, b);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            return r;
    }
    if (ta->binary) {
        r = ta->binary(t, op, a, b);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            return r;
    }
    if (!reflected_first && ta != tb && tb->binary) {
        r = tb->binary(t, op, a, b);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            return r;
    }
    return bt_obj(t->interp->not_implemented);
}

static const char *const binop_symbol[] = {
#define BT_BINOP_SYM(name, sym, d, rd, id) sym,
    BT_BINOPS(BT_BINOP_SYM)
#undef BT_BINOP_SYM
};

static BtValue binary_type_error(BtThread *t, int op, BtValue a, BtValue b, bool inplace) {
    if (op == BT_BINOP_POW && !inplace)
        bt_raise(t, BT_EXC(t, TypeError), "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                 bt_type_name(t, a), bt_type_name(t, b));
    else
        bt_raise(t, BT_EXC(t, TypeError), "unsupported operand type(s) for %s%s: '%s' and '%s'",
                 binop_symbol[op], inplace ? "=" : "", bt_type_name(t, a), bt_type_name(t, b));
    return BT_UNDEF;
}

static __attribute__((noinline)) BtValue binary_generic(BtThread *t, BtBinOp op, BtValue a,
                                                      BtValue b) {
    BtValue r = binary_dispatch(t, op, a, b);
    if (!bt_is_undef(r) && is_not_implemented(t, r))
        return binary_type_error(t, op, a, b, false);
    return r;
}

static __attribute__((noinline)) BtValue inplace_generic(BtThread *t, BtBinOp op, BtValue a,
                                                       BtValue b) {
    BtType *ta = type_of(t, a);
    if (ta->binary) {
        BtValue r = ta->binary(t, op + BT_BINOP__COUNT, a, b);
        if (bt_is_undef(r) || !is_not_implemented(t, r))
            return r;
    }
    BtValue r = binary_dispatch(t, op, a, b);
    if (!bt_is_undef(r) && is_not_implemented(t, r))
        return binary_type_error(t, op, a, b, true);
    return r;
}

static __attribute__((noinline)) BtValue str_add(BtThread *t, BtValue a, BtValue b) {
    BtStr *s = bt_str_concat(t, bt_as_str(a), bt_as_str(b));
    return s ? bt_obj(s) : BT_UNDEF;
}

/* Two ints, or two exact strs under +, need no dispatch: no subclass can take
 * part. Ints and strs are immutable, so the in-place forms are the same.
 * Only tail calls here, so the common cases save no registers. */
#define RETURN_IF_FAST_BINARY(t, op, a, b)                                                         \
    do {                                                                                           \
        if (bt_is_int((a)) && bt_is_int((b)) && (op) != BT_BINOP_MATMUL) {               \
            int64_t x_ = bt_as_i64((a)), y_ = bt_as_i64((b));                                                  \
            if (y_ > 0 && (op) == BT_BINOP_MOD) { /* x % n, floored like Python's */               \
                int64_t m_ = x_ % y_;                                                              \
                return bt_int(m_ < 0 ? m_ + y_ : m_);                                              \
            }                                                                                      \
            if (y_ > 0 && (op) == BT_BINOP_FLOORDIV) {                                             \
                int64_t q_ = x_ / y_;                                                              \
                return bt_int(q_ * y_ > x_ ? q_ - 1 : q_);                                         \
            }                                                                                      \
            return bt_int_binary(t, op, a, b);                                                     \
        }                                                                                          \
        if ((op) == BT_BINOP_ADD && bt_is_str(t, a) && bt_is_str(t, b))                            \
            return str_add(t, a, b);                                                               \
    } while (0)

BtValue bt_binary_op(BtThread *t, BtBinOp op, BtValue a, BtValue b) {
    RETURN_IF_FAST_BINARY(t, op, a, b);
    return binary_generic(t, op, a, b);
}

BtValue bt_inplace_op(BtThread *t, BtBinOp op, BtValue a, BtValue b) {
    RETURN_IF_FAST_BINARY(t, op, a, b);
    return inplace_generic(t, op, a, b);
}

BtValue bt_unary_op(BtThread *t, int op, BtValue a) {
    BtType *ta = type_of(t, a);
    if (ta->unary)
        return ta->unary(t, op, a);
    bt_raise(t, BT_EXC(t, TypeError), "bad operand type for unary %c: '%s'", op,
             ta->name->data);
    return BT_UNDEF;
}

bool bt_is_callable(BtThread *t, BtValue v) {
    BtType *type = type_of(t, v);
    if (type == BT_TYPE(t, function) || type == BT_TYPE(t, native) || type == BT_TYPE(t, method) ||
        (bt_is_obj(v) && bt_isinstance(t, v, BT_TYPE(t, type))))
        return true;
    /* A class's call slot is a generic dispatcher: its __call__ decides; a
     * built-in's slot itself does. */
    BtType *builtin = type;
    while (builtin && (builtin->flags & BT_TYPE_HEAPTYPE))
        builtin = builtin->base;
    return (builtin && builtin->call) || !bt_is_undef(bt_type_lookup(type, BT_NAME(t, dunder_call)));
}

int bt_truthy(BtThread *t, BtValue v) {
    switch (bt_kind(v)) {
    case BT_V_NONE:
    case BT_V_UNDEF:
        return 0;
    case BT_V_BOOL:
        return bt_as_bool(v);
    case BT_V_INT:
        return bt_as_i64(v) != 0;
    case BT_V_FLOAT:
        return bt_as_f64(v) != 0.0;
    case BT_V_OBJ:
        break;
    }
    BtType *ty = bt_as_obj(v)->type;
    if (ty->truth)
        return ty->truth(t, v);
    if (ty->len) {
        int64_t n = ty->len(t, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

int64_t bt_len(BtThread *t, BtValue v) {
    BtType *ty = type_of(t, v);
    if (ty->len)
        return ty->len(t, v);
    bt_raise(t, BT_EXC(t, TypeError), "object of type '%s' has no len()", ty->name->data);
    return -1;
}

/* ---- attributes ---- */

/* The attribute dict of an instance, or NULL for types without one. */
static BtDict **instance_dict_slot(BtValue obj) {
    if (!bt_is_obj(obj))
        return NULL;
    BtType *ty = bt_as_obj(obj)->type;
    if (ty->layout == BT_LAYOUT_INSTANCE || ty->layout == BT_LAYOUT_EXCEPTION)
        return &((BtInstance *)bt_as_obj(obj))->dict;
    if (ty->dict_offset)
        return (BtDict **)((char *)bt_as_obj(obj) + ty->dict_offset);
    return NULL;
}

/* Is attr's class a user class defining `dunder` (the descriptor protocol)? */
static BtValue user_descr_method(BtValue attr, BtStr *dunder) {
    BtType *at = bt_as_obj(attr)->type;
    if (!(at->flags & BT_TYPE_HEAPTYPE))
        return BT_UNDEF;
    return bt_type_lookup(at, dunder);
}

bool bt_descr_is_data(BtThread *t, BtValue attr) {
    if (!bt_is_obj(attr))
        return false;
    BtType *at = bt_as_obj(attr)->type;
    if (at == BT_TYPE(t, property) || at == BT_TYPE(t, member) ||
        bt_issubtype(at, BT_TYPE(t, property)))
        return true;
    if (!(at->flags & BT_TYPE_HEAPTYPE))
        return false;
    return !bt_is_undef(user_descr_method(attr, BT_NAME(t, dunder_set))) ||
           !bt_is_undef(user_descr_method(attr, BT_NAME(t, dunder_delete)));
}

/* The name a property was bound to, for "property 'x' of 'C' object ..." */
static BtValue property_message_name(BtThread *t, BtProperty *p) {
    return bt_is_str(t, p->name) ? p->name : BT_UNDEF;
}

static BtValue property_get(BtThread *t, BtProperty *p, BtValue obj) {
    if (bt_is_none(p->fget)) {
        BtValue name = property_message_name(t, p);
        if (bt_is_undef(name))
            bt_raise(t, BT_EXC(t, AttributeError), "property of '%s' object has no getter",
                     bt_type_name(t, obj));
        else
            bt_raise(t, BT_EXC(t, AttributeError), "property %R of '%s' object has no getter",
                     name, bt_type_name(t, obj));
        return BT_UNDEF;
    }
    return bt_call(t, p->fget, &obj, 1, NULL);
}

/* A slot of obj: read it (get), or set it to v (delete when v is BT_UNDEF);
 * None for a set or delete that worked. Its value is kept in obj's hidden
 * dict under its name; an unset slot reads as CPython's AttributeError. */
static BtValue member_access(BtThread *t, BtMember *m, BtValue obj, BtValue v, bool get) {
    BtDict **dslot = instance_dict_slot(obj);
    if (!dslot) {
        bt_raise(t, BT_EXC(t, TypeError), "descriptor '%S' for '%S' objects doesn't apply to a '%s' object",
                 m->name, m->owner->name, bt_type_name(t, obj));
        return BT_UNDEF;
    }
    if (get || bt_is_undef(v)) {
        BtValue have = *dslot ? bt_dict_get_str(*dslot, m->name) : BT_UNDEF;
        if (bt_is_undef(have)) { /* CPython words a delete of an unset slot with the name alone */
            if (get)
                bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                         bt_type_name(t, obj), m->name);
            else
                bt_raise(t, BT_EXC(t, AttributeError), "%S", m->name);
            return BT_UNDEF;
        }
        if (get)
            return have;
        return bt_dict_del(t, *dslot, bt_obj(m->name)) > 0 ? BT_NONE : BT_UNDEF;
    }
    if (!*dslot && !(*dslot = bt_dict_new(t)))
        return BT_UNDEF;
    return bt_dict_set_str(t, *dslot, m->name, v) ? BT_NONE : BT_UNDEF;
}

BtValue bt_descr_get(BtThread *t, BtValue attr, BtValue obj, BtType *owner) {
    if (!bt_is_obj(attr))
        return attr;
    BtType *at = bt_as_obj(attr)->type;
    bool on_class = bt_is_undef(obj);
    if (at == BT_TYPE(t, function) ||
        (at == BT_TYPE(t, native) && (((BtNative *)bt_as_obj(attr))->flags & BT_NATIVE_METHOD)))
        return on_class ? attr : bt_method_new(t, attr, obj);
    if (at == BT_TYPE(t, staticmethod))
        return ((BtFuncWrapper *)bt_as_obj(attr))->func;
    if (at == BT_TYPE(t, classmethod))
        return bt_method_new(t, ((BtFuncWrapper *)bt_as_obj(attr))->func, bt_obj(owner));
    if (at == BT_TYPE(t, property) || bt_issubtype(at, BT_TYPE(t, property)))
        return on_class ? attr : property_get(t, (BtProperty *)bt_as_obj(attr), obj);
    if (at == BT_TYPE(t, member))
        return on_class ? attr : member_access(t, (BtMember *)bt_as_obj(attr), obj, BT_UNDEF, true);
    BtValue get = user_descr_method(attr, BT_NAME(t, dunder_get));
    if (bt_is_undef(get))
        return attr;
    BtValue args[3] = {attr, on_class ? BT_NONE : obj, bt_obj(owner)};
    return bt_call(t, get, args, 3, NULL);
}

/* Set or delete (v BT_UNDEF) through a data descriptor; *handled says whether
 * attr was one. Returns false with an exception on failure. */
static bool descr_set(BtThread *t, BtValue attr, BtValue obj, BtStr *name, BtValue v,
                      bool *handled) {
    *handled = false;
    if (!bt_descr_is_data(t, attr))
        return true;
    *handled = true;
    BtType *at = bt_as_obj(attr)->type;
    if (at == BT_TYPE(t, property) || bt_issubtype(at, BT_TYPE(t, property))) {
        BtProperty *p = (BtProperty *)bt_as_obj(attr);
        BtValue fn = bt_is_undef(v) ? p->fdel : p->fset;
        if (bt_is_none(fn)) {
            bt_raise(t, BT_EXC(t, AttributeError), "property '%S' of '%s' object has no %s",
                     name, bt_type_name(t, obj), bt_is_undef(v) ? "deleter" : "setter");
            return false;
        }
        BtValue args[2] = {obj, v};
        return !bt_is_undef(bt_call(t, fn, args, bt_is_undef(v) ? 1 : 2, NULL));
    }
    if (at == BT_TYPE(t, member))
        return !bt_is_undef(member_access(t, (BtMember *)bt_as_obj(attr), obj, v, false));
    BtValue m = user_descr_method(attr, bt_is_undef(v) ? BT_NAME(t, dunder_delete) : BT_NAME(t, dunder_set));
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, AttributeError), bt_is_undef(v) ? "__delete__" : "__set__");
        return false;
    }
    BtValue args[3] = {attr, obj, v};
    return !bt_is_undef(bt_call(t, m, args, bt_is_undef(v) ? 2 : 3, NULL));
}

/* The end of a generic getattr that found nothing: __dict__, __getattr__, or
 * CPython's AttributeError. */
static BtValue getattr_missing(BtThread *t, BtType *ty, BtValue obj, BtStr *name,
                               BtDict **dslot) {
    if (dslot && name == BT_NAME(t, dunder_dict) && !(ty->flags & BT_TYPE_NO_DICT)) {
        if (!*dslot && !(*dslot = bt_dict_new(t)))
            return BT_UNDEF;
        return bt_obj(*dslot);
    }
    BtValue hook = bt_type_lookup(ty, BT_NAME(t, dunder_getattr));
    if (!bt_is_undef(hook)) {
        BtValue args[2] = {obj, bt_obj(name)};
        return bt_call(t, hook, args, 2, NULL);
    }
    if (ty == BT_TYPE(t, module))
        bt_raise(t, BT_EXC(t, AttributeError), "module has no attribute '%S'", name);
    else
        bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                 ty->name->data, name);
    bt_exc_hint_attribute(t, obj, name);
    return BT_UNDEF;
}

/* What `obj.name` gives for an attribute found on the class. */
static BtValue bind_class_attr(BtThread *t, BtValue attr, BtValue obj) {
    return bt_descr_get(t, attr, obj, type_of(t, obj));
}

/* Generic getattr after the instance dict (dslot, NULL for none) lacked name. */
static BtValue getattr_from_type(BtThread *t, BtType *ty, BtValue obj, BtStr *name,
                                 BtDict **dslot) {
    BtValue attr = bt_type_lookup(ty, name);
    if (!bt_is_undef(attr))
        return bind_class_attr(t, attr, obj);
    return getattr_missing(t, ty, obj, name, dslot);
}

BtValue bt_generic_getattr(BtThread *t, BtValue obj, BtStr *name) {
    BtType *ty = type_of(t, obj);
    if (name == BT_NAME(t, dunder_class))
        return bt_obj(ty);
    /* CPython's order: a data descriptor on the class, the instance dict, then
     * anything else on the class. */
    BtValue attr = bt_type_lookup(ty, name);
    if (!bt_is_undef(attr) && bt_descr_is_data(t, attr))
        return bind_class_attr(t, attr, obj);
    BtDict **dslot = instance_dict_slot(obj);
    if (dslot && *dslot) {
        BtValue v = bt_dict_get_str(*dslot, name);
        if (!bt_is_undef(v))
            return v;
    }
    if (!bt_is_undef(attr))
        return bind_class_attr(t, attr, obj);
    return getattr_missing(t, ty, obj, name, dslot);
}

bool bt_generic_setattr(BtThread *t, BtValue obj, BtStr *name, BtValue v) {
    BtType *ty = type_of(t, obj);
    if (ty->flags & BT_TYPE_DATA_DESCRIPTORS) {
        bool handled;
        if (!descr_set(t, bt_type_lookup(ty, name), obj, name, v, &handled))
            return false;
        if (handled)
            return true;
        if (ty->flags & BT_TYPE_NO_DICT) { /* __slots__: nothing else can be stored */
            bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                     ty->name->data, name);
            return false;
        }
    }
    BtDict **dslot = instance_dict_slot(obj);
    if (!dslot) {
        if (!bt_is_undef(bt_type_lookup(ty, name)))
            bt_raise(t, BT_EXC(t, AttributeError), "'%s' object attribute '%S' is read-only",
                     ty->name->data, name);
        else
            bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                     ty->name->data, name);
        return false;
    }
    if (bt_is_undef(v)) {
        int r = *dslot ? bt_dict_del(t, *dslot, bt_obj(name)) : 0;
        if (r == 0)
            bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                     ty->name->data, name);
        return r > 0;
    }
    if (!*dslot && !(*dslot = bt_dict_new(t)))
        return false;
    return bt_dict_set_str(t, *dslot, name, v);
}

/* bt_getattr on an instance of a plain class whose dict did not answer at
 * first sight (out of line: see bt_getattr). */
static __attribute__((noinline)) BtValue instance_getattr(BtThread *t, BtValue obj, BtStr *name) {
    BtInstance *inst = (BtInstance *)bt_as_obj(obj);
    if (inst->dict) {
        BtValue v = bt_dict_get_str(inst->dict, name);
        if (!bt_is_undef(v))
            return v;
    }
    return getattr_from_type(t, bt_as_obj(obj)->type, obj, name, &inst->dict);
}

BtValue bt_getattr(BtThread *t, BtValue obj, BtStr *name) {
    if (!bt_is_obj(obj))
        return bt_generic_getattr(t, obj, name);
    BtType *ty = bt_as_obj(obj)->type;
    if (ty->getattr)
        return ty->getattr(t, obj, name);
    if (ty->layout != BT_LAYOUT_INSTANCE || name == BT_NAME(t, dunder_class))
        return bt_generic_getattr(t, obj, name);
    /* An instance attribute found at once is the hot case: only tail calls
     * besides it, so it costs no register saves. */
    BtDict *d = ((BtInstance *)bt_as_obj(obj))->dict;
    BtValue v;
    if (d && bt_dict_peek_str(d, name, &v) > 0)
        return v;
    return instance_getattr(t, obj, name);
}

BtValue bt_getattr_opt(BtThread *t, BtValue obj, BtStr *name) {
    BtValue v = bt_getattr(t, obj, name);
    if (bt_is_undef(v) && bt_exc_pending_is(t, BT_EXC(t, AttributeError)))
        bt_take_exc(t);
    return v;
}

/* A user __setattr__/__delattr__ overrides the default store. */
static bool setattr_dispatch(BtThread *t, BtValue obj, BtStr *name, BtValue v) {
    BtType *ty = type_of(t, obj);
    if (ty->flags & BT_TYPE_CUSTOM_SETATTR) {
        BtStr *hook_name = bt_is_undef(v) ? BT_NAME(t, dunder_delattr) : BT_NAME(t, dunder_setattr);
        BtValue hook = bt_type_lookup(ty, hook_name);
        if (bt_is_obj(hook) && bt_as_obj(hook)->type == BT_TYPE(t, function)) {
            BtValue args[3] = {obj, bt_obj(name), v};
            return !bt_is_undef(bt_call(t, hook, args, bt_is_undef(v) ? 2 : 3, NULL));
        }
    }
    if (ty->setattr && (ty->flags & BT_TYPE_DATA_DESCRIPTORS)) {
        bool handled;
        if (!descr_set(t, bt_type_lookup(ty, name), obj, name, v, &handled))
            return false;
        if (handled)
            return true;
    }
    return ty->setattr ? ty->setattr(t, obj, name, v) : bt_generic_setattr(t, obj, name, v);
}

bool bt_setattr(BtThread *t, BtValue obj, BtStr *name, BtValue v) {
    return setattr_dispatch(t, obj, name, v);
}

bool bt_delattr(BtThread *t, BtValue obj, BtStr *name) {
    return setattr_dispatch(t, obj, name, BT_UNDEF);
}

/* ---- items, membership, iteration ---- */

BtValue bt_getitem(BtThread *t, BtValue obj, BtValue key) {
    BtType *ty = type_of(t, obj);
    if (ty->getitem)
        return ty->getitem(t, obj, key);
    if (ty == BT_TYPE(t, type))
        return bt_class_getitem(t, obj, key); /* list[int], Stack[T] */
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not subscriptable", ty->name->data);
    return BT_UNDEF;
}

bool bt_setitem(BtThread *t, BtValue obj, BtValue key, BtValue v) {
    BtType *ty = type_of(t, obj);
    if (ty->setitem)
        return ty->setitem(t, obj, key, v);
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object does not support item assignment",
             ty->name->data);
    return false;
}

bool bt_delitem(BtThread *t, BtValue obj, BtValue key) {
    BtType *ty = type_of(t, obj);
    if (ty->setitem)
        return ty->setitem(t, obj, key, BT_UNDEF);
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object doesn't support item deletion",
             ty->name->data);
    return false;
}

int bt_contains(BtThread *t, BtValue container, BtValue item) {
    BtType *ty = type_of(t, container);
    if (ty->contains) {
        int r = ty->contains(t, container, item);
        if (r != -2)
            return r;
    }
    BtValue it = bt_iter(t, container);
    if (bt_is_undef(it)) {
        if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
            bt_take_exc(t);
            bt_raise(t, BT_EXC(t, TypeError), "argument of type '%s' is not iterable",
                     ty->name->data);
        }
        return -1;
    }
    BT_PUSH_ROOT(t, &it);
    int found = 0;
    for (;;) {
        BtValue x = bt_next(t, it);
        if (bt_is_undef(x)) {
            found = bt_has_exc(t) ? -1 : 0;
            break;
        }
        int eq = bt_equal(t, x, item);
        if (eq != 0) {
            found = eq;
            break;
        }
    }
    BT_POP_ROOT(t, 1);
    return found;
}

BtValue bt_iter(BtThread *t, BtValue v) {
    BtType *ty = type_of(t, v);
    if (ty->iter)
        return ty->iter(t, v);
    if (ty->getitem && ty != BT_TYPE(t, type))
        return bt_seq_iter_new(t, v);
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not iterable", ty->name->data);
    return BT_UNDEF;
}

BtValue bt_next_keep_stop(BtThread *t, BtValue it) {
    BtType *ty = type_of(t, it);
    if (ty->next)
        return ty->next(t, it);
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not an iterator", ty->name->data);
    return BT_UNDEF;
}

BtValue bt_next(BtThread *t, BtValue it) {
    BtValue v = bt_next_keep_stop(t, it);
    if (bt_is_undef(v) && bt_exc_pending_is(t, BT_EXC(t, StopIteration)))
        bt_take_exc(t);
    return v;
}

/* ---- calls ---- */

BtValue bt_call_native(BtThread *t, BtNative *n, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_is_undef(n->self) || !(n->flags & BT_NATIVE_METHOD))
        return n->fn(t, bt_native_self(t, n, n->self), args, nargs, kwnames);
    /* An unbound method (str.join(sep, xs)): the first argument is self. */
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "unbound method %S.%s() needs an argument",
                 n->owner->name, n->name);
        return BT_UNDEF;
    }
    if (!bt_isinstance(t, args[0], n->owner)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "descriptor '%s' for '%S' objects doesn't apply to a '%s' object", n->name,
                 n->owner->name, bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    return n->fn(t, bt_native_self(t, n, args[0]), args + 1, nargs - 1, kwnames);
}

BtValue bt_call(BtThread *t, BtValue callable, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_is_obj(callable)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not callable",
                 bt_type_name(t, callable));
        return BT_UNDEF;
    }
    BtType *ty = bt_as_obj(callable)->type;
    if (ty == BT_TYPE(t, function))
        return bt_eval_call_function(t, (BtFunction *)bt_as_obj(callable), args, nargs, kwnames);
    if (ty == BT_TYPE(t, native))
        return bt_call_native(t, (BtNative *)bt_as_obj(callable), args, nargs, kwnames);
    if (ty == BT_TYPE(t, method)) {
        BtMethod *m = (BtMethod *)bt_as_obj(callable);
        if (bt_is_obj(m->func) && bt_as_obj(m->func)->type == BT_TYPE(t, native)) {
            BtNative *n = (BtNative *)bt_as_obj(m->func);
            return n->fn(t, bt_native_self(t, n, m->self), args, nargs, kwnames);
        }
        /* Prepend self. The originals stay rooted by our caller, and the
         * method object (rooted too) holds self and func. */
        int total = nargs + (kwnames ? (int)kwnames->len : 0);
        BtValue small[8];
        BtValue *argv = total + 1 <= 8 ? small : malloc((size_t)(total + 1) * sizeof(BtValue));
        if (!argv) {
            bt_raise_memory(t);
            return BT_UNDEF;
        }
        argv[0] = m->self;
        if (total > 0)
            memcpy(argv + 1, args, (size_t)total * sizeof(BtValue));
        BtValue r = bt_call(t, m->func, argv, nargs + 1, kwnames);
        if (argv != small)
            free(argv);
        return r;
    }
    if (ty->call)
        return ty->call(t, callable, args, nargs, kwnames);
    bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not callable", ty->name->data);
    return BT_UNDEF;
}

/* ---- the `object` type ---- */

static BtValue object_repr(BtThread *t, BtValue self) {
    BtType *ty = type_of(t, self);
    const char *mod = ty->module ? ty->module->data : "builtins";
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    BtStr *s = strcmp(mod, "builtins") == 0
                   ? bt_str_format(t, "<%S object at %s>", ty->name, addr) /* tp_name */
                   : bt_str_format(t, "<%s.%S object at %s>", mod, ty->qualname, addr);
    return s ? bt_obj(s) : BT_UNDEF;
}

static bool object_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    uintptr_t p = (uintptr_t)bt_as_obj(self);
    /* Like CPython: rotate away the always-zero alignment bits. */
    *out = (int64_t)((p >> 4) | (p << (8 * sizeof(p) - 4)));
    if (*out == -1)
        *out = -2;
    return true;
}

static BtValue object_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (op == BT_COMPARE_EQ && bt_same(a, b))
        return BT_TRUE;
    if (op == BT_COMPARE_NE) {
        /* object.__ne__ inverts __eq__ (which may be user-defined). */
        BtType *ty = type_of(t, a);
        if (ty->compare && ty->compare != object_compare) {
            BtValue r = ty->compare(t, a, b, BT_COMPARE_EQ);
            if (bt_is_undef(r) || is_not_implemented(t, r))
                return r;
            int truth = bt_truthy(t, r);
            return truth < 0 ? BT_UNDEF : bt_bool(!truth);
        }
        if (!bt_same(a, b))
            return bt_obj(t->interp->not_implemented);
        return BT_FALSE;
    }
    return bt_obj(t->interp->not_implemented);
}

static BtValue object_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (nargs > 0 || kwnames) {
        bt_raise(t, BT_EXC(t, TypeError), "object() takes no arguments");
        return BT_UNDEF;
    }
    BtObject *o = bt_gc_alloc(t, type, sizeof(BtObject));
    return o ? bt_obj(o) : BT_UNDEF;
}

/* The wrappers below let Python code reach object's slots by name
 * (super().__init__(), object.__repr__(self), ...). */

static BtValue object_init(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)self, (void)args;
    if (nargs > 1 || kwnames) {
        bt_raise(t, BT_EXC(t, TypeError), "object.__init__() takes exactly one argument (the instance to initialize)");
        return BT_UNDEF;
    }
    return BT_NONE;
}

static BtValue object_repr_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__repr__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return object_repr(t, self);
}

static BtValue object_str_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__str__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_repr(t, self);
}

/* object.__format__(self, spec): str(self) for an empty spec, as format()
 * does for a type with no __format__ of its own (enum reaches it by name). */
static BtValue object_format_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    if (!bt_check_args(t, "__format__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__() argument must be str, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    if (bt_as_str(args[0])->size) {
        bt_raise(t, BT_EXC(t, TypeError), "unsupported format string passed to %s.__format__",
                 bt_type_name(t, self));
        return BT_UNDEF;
    }
    return bt_str(t, self);
}

static BtValue object_hash_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    int64_t h;
    if (!bt_check_args(t, "__hash__", nargs, kwnames, 0, 0) || !object_hash(t, self, &h))
        return BT_UNDEF;
    return bt_int_from_i64(t, h);
}

static BtValue object_eq_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    if (!bt_check_args(t, "__eq__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return bt_same(self, args[0]) ? BT_TRUE : bt_obj(t->interp->not_implemented);
}

static BtValue object_ne_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    if (!bt_check_args(t, "__ne__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return object_compare(t, self, args[0], BT_COMPARE_NE);
}

BtStr *bt_attr_name(BtThread *t, BtValue v) {
    if (!bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "attribute name must be string, not '%s'",
                 bt_type_name(t, v));
        return NULL;
    }
    return bt_str_intern_str(t, bt_as_str(v));
}

static BtValue object_setattr_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    if (!bt_check_args(t, "__setattr__", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[0]);
    if (!name || !bt_generic_setattr(t, self, name, args[1]))
        return BT_UNDEF;
    return BT_NONE;
}

static BtValue object_delattr_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    if (!bt_check_args(t, "__delattr__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[0]);
    if (!name || !bt_generic_setattr(t, self, name, BT_UNDEF))
        return BT_UNDEF;
    return BT_NONE;
}

static BtValue object_getattribute_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                          BtTuple *kwnames) {
    if (!bt_check_args(t, "__getattribute__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[0]);
    return name ? bt_generic_getattr(t, self, name) : BT_UNDEF;
}

/* object.__new__(cls, ...): a bare instance of cls. */
static BtValue object_new(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (!bt_is_obj(self) || !bt_isinstance(t, self, BT_TYPE(t, type))) {
        bt_raise(t, BT_EXC(t, TypeError), "object.__new__(X): X is not a type object (%s)",
                 bt_type_name(t, self));
        return BT_UNDEF;
    }
    BtType *cls = (BtType *)bt_as_obj(self);
    if (nargs > 0 || kwnames) {
        /* Extra arguments are for __init__; refused when nothing takes them. */
        BtValue nw = bt_type_lookup(cls, BT_NAME(t, dunder_new));
        BtValue init = bt_type_lookup(cls, BT_NAME(t, dunder_init));
        bool own_new = !(bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, native));
        bool own_init = !(bt_is_obj(init) && bt_as_obj(init)->type == BT_TYPE(t, native));
        if (own_new || !own_init) {
            if (own_new)
                bt_raise(t, BT_EXC(t, TypeError),
                         "object.__new__() takes exactly one argument (the type to instantiate)");
            else
                bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments", cls->name->data);
            return BT_UNDEF;
        }
    }
    (void)args;
    return bt_type_alloc_instance(t, cls);
}

static const BtNativeDef object_methods[] = {
    {"__new__", object_new},
    {"__init__", object_init},
    {"__repr__", object_repr_method},
    {"__str__", object_str_method},
    {"__format__", object_format_method},
    {"__hash__", object_hash_method},
    {"__eq__", object_eq_method},
    {"__ne__", object_ne_method},
    {"__setattr__", object_setattr_method},
    {"__delattr__", object_delattr_method},
    {"__getattribute__", object_getattribute_method},
    {NULL, NULL},
};

bool bt_object_init_type(BtThread *t) {
    BtType *ty = BT_TYPE(t, object);
    ty->instance_size = sizeof(BtObject);
    ty->flags |= BT_TYPE_BASETYPE;
    ty->repr = object_repr;
    ty->hash = object_hash;
    ty->compare = object_compare;
    ty->construct = object_construct;
    return bt_type_add_methods(t, ty, object_methods);
}
