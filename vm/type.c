/* type.c: type objects, classes and their method resolution order (vm stage).
 *
 * Design notes. A class statement makes a BtType like any built-in one; its
 * slots are "dunder dispatchers" that look the matching method up in the
 * MRO and call it, so the eval loop only ever calls slots. When the method a
 * dispatcher finds is the native slot wrapper of a built-in base (object's
 * __repr__, BaseException's __str__), the dispatcher calls that base's slot
 * directly instead of going through a bound method.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/type_internal.h"

/* ---- lookup and subtyping ---- */

BtValue bt_type_lookup(BtType *type, BtStr *name) {
    if (!type->mro) {
        for (BtType *ty = type; ty; ty = ty->base) {
            BtValue v = ty->dict ? bt_dict_get_str(ty->dict, name) : BT_UNDEF;
            if (!bt_is_undef(v))
                return v;
        }
        return BT_UNDEF;
    }
    for (size_t i = 0; i < type->mro->len; i++) {
        BtType *ty = (BtType *)bt_as_obj(type->mro->items[i]);
        if (ty->dict) {
            BtValue v = bt_dict_get_str(ty->dict, name);
            if (!bt_is_undef(v))
                return v;
        }
    }
    return BT_UNDEF;
}

bool bt_issubtype(BtType *a, BtType *b) {
    if (a == b)
        return true;
    if (a->mro) {
        for (size_t i = 0; i < a->mro->len; i++)
            if (bt_as_obj(a->mro->items[i]) == (BtObject *)b)
                return true;
        return false;
    }
    for (BtType *ty = a->base; ty; ty = ty->base)
        if (ty == b)
            return true;
    return false;
}

bool bt_isinstance(BtThread *t, BtValue v, BtType *type) {
    return bt_issubtype(bt_type_of(t, v), type);
}

/* A class's struct is a BtType whatever its metaclass: a metaclass is laid
 * out as type (its native base), so one test covers type and them all. */
bool bt_is_class(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type->native == BT_TYPE(t, type);
}

BtType *bt_type_metaclass(BtThread *t, BtType *meta, BtTuple *bases) {
    BtType *winner = meta;
    for (size_t i = 0; i < bases->len; i++) {
        BtType *bm = bt_type_of(t, bases->items[i]);
        if (bt_issubtype(winner, bm))
            continue;
        if (bt_issubtype(bm, winner)) {
            winner = bm;
            continue;
        }
        bt_raise(t, BT_EXC(t, TypeError),
                 "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
                 "subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

/* ---- the C3 linearization ---- */

/* Merge step of C3: seqs are lists of types; returns the merged list or NULL
 * (TypeError raised) when no consistent order exists. */
static BtList *c3_merge(BtThread *t, BtList *seqs, BtTuple *bases) {
    BtValue result = bt_obj(bt_list_new(t, 0));
    if (bt_is_undef(result))
        return NULL;
    BT_PUSH_ROOT(t, &result);
    for (;;) {
        BtType *candidate = NULL;
        bool any_left = false;
        for (size_t i = 0; i < seqs->len && !candidate; i++) {
            BtList *seq = bt_as_list(seqs->items[i]);
            if (seq->len == 0)
                continue;
            any_left = true;
            BtType *head = (BtType *)bt_as_obj(seq->items[0]);
            bool in_tail = false;
            for (size_t j = 0; j < seqs->len && !in_tail; j++) {
                BtList *other = bt_as_list(seqs->items[j]);
                for (size_t k = 1; k < other->len; k++)
                    if (bt_as_obj(other->items[k]) == (BtObject *)head) {
                        in_tail = true;
                        break;
                    }
            }
            if (!in_tail)
                candidate = head;
        }
        if (!any_left)
            break;
        if (!candidate) {
            /* CPython names the heads of the sequences left to merge, once each. */
            char names[512];
            size_t used = (size_t)snprintf(names, sizeof names, "%s",
                                           "Cannot create a consistent method resolution\n"
                                           "order (MRO) for bases");
            BtObject *seen[64];
            int nseen = 0;
            for (size_t i = 0; i < seqs->len && used < sizeof names; i++) {
                BtList *seq = bt_as_list(seqs->items[i]);
                if (seq->len == 0)
                    continue;
                BtObject *head = bt_as_obj(seq->items[0]);
                bool dup = false;
                for (int k = 0; k < nseen; k++)
                    dup = dup || seen[k] == head;
                if (dup || nseen == 64)
                    continue;
                seen[nseen++] = head;
            }
            for (int k = 0; k < nseen && used < sizeof names; k++)
                used += (size_t)snprintf(names + used, sizeof names - used, " %s%s",
                                         ((BtType *)seen[k])->name->data,
                                         k + 1 < nseen ? "," : "");
            (void)bases;
            bt_raise(t, BT_EXC(t, TypeError), "%s", names);
            BT_POP_ROOT(t, 1);
            return NULL;
        }
        if (!bt_list_append(t, bt_as_list(result), bt_obj(candidate))) {
            BT_POP_ROOT(t, 1);
            return NULL;
        }
        for (size_t i = 0; i < seqs->len; i++) {
            BtList *seq = bt_as_list(seqs->items[i]);
            if (seq->len && bt_as_obj(seq->items[0]) == (BtObject *)candidate) {
                memmove(seq->items, seq->items + 1, (seq->len - 1) * sizeof(BtValue));
                seq->len--;
            }
        }
    }
    BT_POP_ROOT(t, 1);
    return bt_as_list(result);
}

/* type->mro = C3(type, bases). */
static bool compute_mro(BtThread *t, BtType *type) {
    BtTuple *bases = type->bases;
    for (size_t i = 0; i < bases->len; i++)
        for (size_t j = i + 1; j < bases->len; j++)
            if (bt_as_obj(bases->items[i]) == bt_as_obj(bases->items[j])) {
                bt_raise(t, BT_EXC(t, TypeError), "duplicate base class %S",
                         ((BtType *)bt_as_obj(bases->items[i]))->name);
                return false;
            }
    BtValue seqs = bt_obj(bt_list_new(t, 0));
    if (bt_is_undef(seqs))
        return false;
    BT_PUSH_ROOT(t, &seqs);
    bool ok = true;
    for (size_t i = 0; i < bases->len && ok; i++) {
        BtType *b = (BtType *)bt_as_obj(bases->items[i]);
        BtList *l = bt_list_from(t, b->mro->items, b->mro->len);
        ok = l && bt_list_append(t, bt_as_list(seqs), bt_obj(l));
    }
    BtList *bl = ok ? bt_list_from(t, bases->items, bases->len) : NULL;
    ok = bl && bt_list_append(t, bt_as_list(seqs), bt_obj(bl));
    BtList *merged = ok ? c3_merge(t, bt_as_list(seqs), bases) : NULL;
    if (merged) {
        BtValue m = bt_obj(merged);
        BT_PUSH_ROOT(t, &m);
        BtTuple *mro = bt_tuple_new(t, merged->len + 1);
        if (mro) {
            mro->items[0] = bt_obj(type);
            memcpy(mro->items + 1, merged->items, merged->len * sizeof(BtValue));
            type->mro = mro;
        }
        BT_POP_ROOT(t, 1);
        ok = mro != NULL;
    } else {
        ok = false;
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* ---- dunder dispatchers: the slots of user classes ---- */

/* Find a dunder on v's class; BT_UNDEF if absent. */
static BtValue find_dunder(BtThread *t, BtValue v, BtStr *name) {
    return bt_type_lookup(bt_type_of(t, v), name);
}

/* Call the dunder `name` of self's class with args (self is prepended). */
static BtValue call_dunder(BtThread *t, BtValue method, BtValue self, BtValue *args, int nargs) {
    BtValue argv[4];
    argv[0] = self;
    for (int i = 0; i < nargs; i++)
        argv[i + 1] = args[i];
    /* A dunder wrapped in staticmethod gets no self; in classmethod, the class. */
    if (bt_is_obj(method) && bt_as_obj(method)->type == BT_TYPE(t, staticmethod))
        return bt_call(t, ((BtFuncWrapper *)bt_as_obj(method))->func, argv + 1, nargs, NULL);
    if (bt_is_obj(method) && bt_as_obj(method)->type == BT_TYPE(t, classmethod)) {
        argv[0] = bt_obj(bt_type_of(t, self));
        return bt_call(t, ((BtFuncWrapper *)bt_as_obj(method))->func, argv, nargs + 1, NULL);
    }
    return bt_call(t, method, argv, nargs + 1, NULL);
}

/* The native type whose slot a user class inherits (its solid built-in base). */
static BtType *native_base(BtType *type) {
    while (type && (type->flags & BT_TYPE_HEAPTYPE))
        type = type->base;
    return type;
}

/* The base whose instances a built-in's instances are laid out as: up while
 * the base adds nothing (ValueError is laid out as BaseException, OSError is
 * not), CPython's "solid base". Two bases conflict when neither's is a
 * subtype of the other's. */
static BtType *layout_base(BtType *nb) {
    while (nb->base && nb->base->instance_size == nb->instance_size &&
           nb->base->layout == nb->layout && nb->base->trace == nb->trace)
        nb = nb->base;
    return nb;
}

/* Is `method` the native slot wrapper that a built-in type put in its dict? */
static bool is_native_wrapper(BtThread *t, BtValue method) {
    return bt_is_obj(method) && bt_as_obj(method)->type == BT_TYPE(t, native) &&
           ((BtNative *)bt_as_obj(method))->owner != NULL;
}

/* The built-in base's slot; its callers pass bt_unbox(self), since a subclass
 * of an immutable built-in holds its value instead of being it. */
#define INHERITED_SLOT(t, self, slotname) (native_base(bt_type_of(t, self))->slotname)

/* Is method the native wrapper of the slot `name` itself? One stored under
 * another name (an IntEnum's __str__ is int.__repr__) is called as a method. */
static bool is_slot_wrapper(BtThread *t, BtValue method, BtStr *name) {
    return is_native_wrapper(t, method) &&
           strcmp(((BtNative *)bt_as_obj(method))->name, name->data) == 0;
}

static BtValue slot_repr(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_repr));
    if (bt_is_undef(m) || is_slot_wrapper(t, m, BT_NAME(t, dunder_repr)))
        return INHERITED_SLOT(t, self, repr)(t, bt_unbox(self));
    BtValue r = call_dunder(t, m, self, NULL, 0);
    if (!bt_is_undef(r) && !bt_is_str(t, r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__repr__ returned non-string (type %T)", r);
        return BT_UNDEF;
    }
    return r;
}

static BtValue slot_str(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_str));
    if (bt_is_undef(m) || is_slot_wrapper(t, m, BT_NAME(t, dunder_str))) {
        BtType *nb = native_base(bt_type_of(t, self));
        /* object.__str__ is repr(self), which may be user-defined. */
        return nb->str ? nb->str(t, bt_unbox(self)) : slot_repr(t, self);
    }
    BtValue r = call_dunder(t, m, self, NULL, 0);
    if (!bt_is_undef(r) && !bt_is_str(t, r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__str__ returned non-string (type %T)", r);
        return BT_UNDEF;
    }
    return r;
}

static bool slot_hash(BtThread *t, BtValue self, int64_t *out) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_hash));
    if (bt_is_none(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "unhashable type: '%s'", bt_type_name(t, self));
        return false;
    }
    if (bt_is_undef(m) || is_native_wrapper(t, m))
        return INHERITED_SLOT(t, self, hash)(t, bt_unbox(self), out);
    BtValue r = call_dunder(t, m, self, NULL, 0);
    if (bt_is_undef(r))
        return false;
    if (!bt_is_integer(r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__hash__ method should return an integer");
        return false;
    }
    int64_t h;
    if (!bt_int_as_i64(r, &h))
        h = bt_bigint_hash(r); /* past 64 bits: hashed again, as CPython */
    *out = h == -1 ? -2 : h;
    return true;
}

static BtStr *compare_name(BtThread *t, BtCompareOp op) {
    switch (op) {
    case BT_COMPARE_LT: return BT_NAME(t, dunder_lt);
    case BT_COMPARE_LE: return BT_NAME(t, dunder_le);
    case BT_COMPARE_EQ: return BT_NAME(t, dunder_eq);
    case BT_COMPARE_NE: return BT_NAME(t, dunder_ne);
    case BT_COMPARE_GT: return BT_NAME(t, dunder_gt);
    case BT_COMPARE_GE: return BT_NAME(t, dunder_ge);
    }
    return NULL;
}

/* Called with self = a (bt_compare swaps operands for the reflected try). */
static BtValue slot_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    BtValue m = find_dunder(t, a, compare_name(t, op));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, a));
        if (op == BT_COMPARE_NE) {
            /* Default __ne__ inverts __eq__ unless that returns NotImplemented. */
            BtValue eq = find_dunder(t, a, BT_NAME(t, dunder_eq));
            if (!bt_is_undef(eq) && !is_native_wrapper(t, eq)) {
                BtValue r = call_dunder(t, eq, a, &b, 1);
                if (bt_is_undef(r) || (bt_is_obj(r) && bt_as_obj(r) == t->interp->not_implemented))
                    return r;
                int truth = bt_truthy(t, r);
                return truth < 0 ? BT_UNDEF : bt_bool(!truth);
            }
        }
        return nb->compare ? nb->compare(t, bt_unbox(a), bt_unbox(b), op)
                           : bt_obj(t->interp->not_implemented);
    }
    return call_dunder(t, m, a, &b, 1);
}

/* One class's side of `a op b`: a's __add__, or b's __radd__ when `right`
 * (an in-place op is always a's __iadd__). */
static BtValue slot_binary_side(BtThread *t, int op, BtValue a, BtValue b, bool right) {
    bool inplace = op >= BT_BINOP__COUNT;
    int base_op = inplace ? op - BT_BINOP__COUNT : op;
    BtValue self, other;
    BtStr *name;
    if (inplace) {
        self = a, other = b, name = t->interp->binop_names[base_op][2];
    } else if (!right) {
        self = a, other = b, name = t->interp->binop_names[base_op][0];
    } else {
        self = b, other = a, name = t->interp->binop_names[base_op][1];
    }
    BtValue m = find_dunder(t, self, name);
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (!nb->binary)
            return bt_obj(t->interp->not_implemented);
        BtValue r = nb->binary(t, op, bt_unbox(a), bt_unbox(b));
        /* An in-place operator that updated the held set returns the instance. */
        if (inplace && bt_is_boxed(a) && bt_is_obj(r) && bt_as_obj(r) == bt_as_obj(bt_unbox(a)))
            return a;
        return r;
    }
    return call_dunder(t, m, self, &other, 1);
}

/* The binary slot of every class. When only one operand is a class instance,
 * the side it serves follows from a's type; two class instances go through
 * bt_type_class_binary, since (a, b) alone cannot say which side is asked. */
static BtValue slot_binary(BtThread *t, int op, BtValue a, BtValue b) {
    bool right = op < BT_BINOP__COUNT && bt_type_of(t, a)->binary != slot_binary;
    return slot_binary_side(t, op, a, b, right);
}

bool bt_type_has_class_binary(const BtType *type) {
    return type->binary == slot_binary;
}

BtValue bt_type_class_binary(BtThread *t, int op, BtValue a, BtValue b) {
    BtType *ta = bt_type_of(t, a), *tb = bt_type_of(t, b);
    /* CPython's order: b's reflected method first only when b's class is a
     * subclass of a's that overrides it; each side is asked at most once. */
    bool right_first = false;
    if (bt_issubtype(tb, ta)) {
        BtStr *rname = t->interp->binop_names[op][1];
        right_first = !bt_same(bt_type_lookup(tb, rname), bt_type_lookup(ta, rname));
    }
    BtValue r;
    if (right_first) {
        r = slot_binary_side(t, op, a, b, true);
        if (bt_is_undef(r) || !bt_same(r, bt_obj(t->interp->not_implemented)))
            return r;
    }
    r = slot_binary_side(t, op, a, b, false);
    if (right_first || bt_is_undef(r) || !bt_same(r, bt_obj(t->interp->not_implemented)))
        return r;
    return slot_binary_side(t, op, a, b, true);
}

static BtValue slot_unary(BtThread *t, int op, BtValue a) {
    BtStr *name = op == '-'   ? BT_NAME(t, dunder_neg)
                  : op == '+' ? BT_NAME(t, dunder_pos)
                              : BT_NAME(t, dunder_invert);
    BtValue m = find_dunder(t, a, name);
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, a));
        if (nb->unary)
            return nb->unary(t, op, bt_unbox(a));
        bt_raise(t, BT_EXC(t, TypeError), "bad operand type for unary %c: '%s'", op,
                 bt_type_name(t, a));
        return BT_UNDEF;
    }
    return call_dunder(t, m, a, NULL, 0);
}

static int slot_truth(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_bool));
    if (!bt_is_undef(m) && !is_native_wrapper(t, m)) {
        BtValue r = call_dunder(t, m, self, NULL, 0);
        if (bt_is_undef(r))
            return -1;
        if (!bt_is_bool(r)) {
            bt_raise(t, BT_EXC(t, TypeError), "__bool__ should return bool, returned %s",
                     bt_type_name(t, r));
            return -1;
        }
        return bt_as_bool(r);
    }
    m = find_dunder(t, self, BT_NAME(t, dunder_len));
    if (!bt_is_undef(m)) {
        int64_t n = bt_len(t, self);
        return n < 0 ? -1 : n > 0;
    }
    BtType *nb = native_base(bt_type_of(t, self));
    return nb->truth ? nb->truth(t, bt_unbox(self)) : 1;
}

static int64_t slot_len(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_len));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->len)
            return nb->len(t, bt_unbox(self));
        bt_raise(t, BT_EXC(t, TypeError), "object of type '%s' has no len()",
                 bt_type_name(t, self));
        return -1;
    }
    BtValue r = call_dunder(t, m, self, NULL, 0);
    if (bt_is_undef(r))
        return -1;
    if (!bt_is_intlike(r)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object cannot be interpreted as an integer",
                 bt_type_name(t, r));
        return -1;
    }
    if (bt_as_int(r) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "__len__() should return >= 0");
        return -1;
    }
    return bt_as_int(r);
}

static BtValue slot_getitem(BtThread *t, BtValue self, BtValue key) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_getitem));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->getitem) {
            BtValue r = nb->getitem(t, bt_unbox(self), key);
            /* A dict subclass's __missing__ answers for absent keys. */
            if (bt_is_undef(r) && nb == BT_TYPE(t, dict) &&
                bt_exc_pending_is(t, BT_EXC(t, KeyError))) {
                BtValue missing = find_dunder(t, self, BT_NAME(t, dunder_missing));
                if (!bt_is_undef(missing)) {
                    bt_take_exc(t);
                    return call_dunder(t, missing, self, &key, 1);
                }
            }
            return r;
        }
        if (nb == BT_TYPE(t, type)) /* a class whose metaclass has no __getitem__ */
            return bt_class_getitem(t, self, key);
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not subscriptable",
                 bt_type_name(t, self));
        return BT_UNDEF;
    }
    return call_dunder(t, m, self, &key, 1);
}

static bool slot_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    bool del = bt_is_undef(v);
    BtValue m = find_dunder(t, self, del ? BT_NAME(t, dunder_delitem) : BT_NAME(t, dunder_setitem));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->setitem)
            return nb->setitem(t, self, key, v);
        bt_raise(t, BT_EXC(t, TypeError),
                 del ? "'%s' object does not support item deletion"
                     : "'%s' object does not support item assignment",
                 bt_type_name(t, self));
        return false;
    }
    BtValue args[2] = {key, v};
    return !bt_is_undef(call_dunder(t, m, self, args, del ? 1 : 2));
}

static int slot_contains(BtThread *t, BtValue self, BtValue item) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_contains));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->contains)
            return nb->contains(t, bt_unbox(self), item);
        /* No __contains__: `in` iterates (bt_contains does that when the slot declines). */
        return -2;
    }
    BtValue r = call_dunder(t, m, self, &item, 1);
    return bt_is_undef(r) ? -1 : bt_truthy(t, r);
}

static BtValue slot_iter(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_iter));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->iter)
            return nb->iter(t, bt_unbox(self));
        if (!bt_is_undef(find_dunder(t, self, BT_NAME(t, dunder_getitem))))
            return bt_seq_iter_new(t, self);
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not iterable", bt_type_name(t, self));
        return BT_UNDEF;
    }
    BtValue r = call_dunder(t, m, self, NULL, 0);
    BtType *rt = bt_is_undef(r) ? NULL : bt_type_of(t, r);
    if (rt && (!rt->next || ((rt->flags & BT_TYPE_HEAPTYPE) &&
                             bt_is_undef(bt_type_lookup(rt, BT_NAME(t, dunder_next)))))) {
        bt_raise(t, BT_EXC(t, TypeError), "iter() returned non-iterator of type '%s'",
                 bt_type_name(t, r));
        return BT_UNDEF;
    }
    return r;
}

static BtValue slot_next(BtThread *t, BtValue self) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_next));
    if (bt_is_undef(m) || is_native_wrapper(t, m)) {
        BtType *nb = native_base(bt_type_of(t, self));
        if (nb->next)
            return nb->next(t, self);
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not an iterator",
                 bt_type_name(t, self));
        return BT_UNDEF;
    }
    /* A StopIteration it raises stays pending: the slot's protocol allows it,
     * and map(), zip() or `yield from` around this iterator pass its value on. */
    return call_dunder(t, m, self, NULL, 0);
}

static BtValue slot_call(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtValue m = find_dunder(t, self, BT_NAME(t, dunder_call));
    BtType *nb = native_base(bt_type_of(t, self));
    if ((bt_is_undef(m) || is_native_wrapper(t, m)) && nb->call) /* a subclass of partial */
        return nb->call(t, bt_unbox(self), args, nargs, kwnames);
    if (bt_is_undef(m)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not callable", bt_type_name(t, self));
        return BT_UNDEF;
    }
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    BtValue small[8];
    BtValue *argv = total + 1 <= 8 ? small : malloc((size_t)(total + 1) * sizeof(BtValue));
    if (!argv) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    argv[0] = self;
    if (total > 0)
        if (total > 0)
            memcpy(argv + 1, args, (size_t)total * sizeof(BtValue));
    BtValue r = bt_call(t, m, argv, nargs + 1, kwnames);
    if (argv != small)
        free(argv);
    return r;
}

/* ---- class namespaces from __prepare__ ---- */

bool bt_type_namespace_store(BtThread *t, BtDict *ns, BtStr *name, BtValue v) {
    return bt_setitem(t, bt_obj(ns), bt_obj(name), v);
}

int bt_type_namespace_del(BtThread *t, BtDict *ns, BtStr *name) {
    if (ns->hdr.type == BT_TYPE(t, dict))
        return bt_dict_del(t, ns, bt_obj(name));
    if (bt_delitem(t, bt_obj(ns), bt_obj(name)))
        return 1;
    if (!bt_exc_pending_is(t, BT_EXC(t, KeyError)))
        return -1;
    bt_take_exc(t);
    return 0;
}

/* ---- constructing instances of classes ---- */

/* Allocate a bare instance of a class with an instance or exception layout. */
static BtValue alloc_instance(BtThread *t, BtType *cls) {
    BtObject *o = bt_gc_alloc(t, cls, cls->instance_size);
    if (!o)
        return BT_UNDEF;
    if (cls->layout == BT_LAYOUT_EXCEPTION) {
        BtException *e = (BtException *)o;
        e->args = t->interp->empty_tuple;
        e->traceback = e->cause = e->context = BT_NONE;
    }
    return bt_obj(o);
}

static BtValue instance_construct(BtThread *t, BtType *cls, BtValue *args, int nargs,
                                  BtTuple *kwnames);

BtValue bt_type_alloc_instance(BtThread *t, BtType *cls) {
    if (cls->layout == BT_LAYOUT_BOXED) {
        bt_raise(t, BT_EXC(t, TypeError), "object.__new__(%s) is not safe, use %s.__new__()",
                 cls->name->data, cls->name->data);
        return BT_UNDEF;
    }
    if (cls->layout == BT_LAYOUT_BUILTIN && cls->construct != instance_construct &&
        cls != BT_TYPE(t, object)) {
        bt_raise(t, BT_EXC(t, TypeError), "object.__new__(%s) is not safe, use %s.__new__()",
                 cls->name->data, cls->name->data);
        return BT_UNDEF;
    }
    /* A subclass of list or dict starts as an empty value (zeroed struct). */
    return alloc_instance(t, cls);
}

/* The class's own __new__ (a function, maybe in a staticmethod), or BT_UNDEF
 * when it inherits object's. */
static BtValue user_new(BtThread *t, BtType *cls) {
    BtValue nw = bt_type_lookup(cls, BT_NAME(t, dunder_new));
    if (bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, staticmethod))
        nw = ((BtFuncWrapper *)bt_as_obj(nw))->func;
    if (bt_is_undef(nw) || (bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, native) &&
                            ((BtNative *)bt_as_obj(nw))->owner == BT_TYPE(t, object)))
        return BT_UNDEF;
    return nw;
}

/* cls.__new__(cls, *args): the instance, or anything __new__ chose to return. */
static BtValue call_user_new(BtThread *t, BtValue nw, BtType *cls, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    int total = nargs + (kwnames ? (int)kwnames->len : 0);
    BtValue small[8];
    BtValue *argv = total + 1 <= 8 ? small : malloc((size_t)(total + 1) * sizeof(BtValue));
    if (!argv) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    argv[0] = bt_obj(cls);
    if (total > 0)
        memcpy(argv + 1, args, (size_t)total * sizeof(BtValue));
    BtValue r = bt_call(t, nw, argv, nargs + 1, kwnames);
    if (argv != small)
        free(argv);
    return r;
}

/* class(...) for user classes: make the instance, then run __init__. */
static BtValue instance_construct(BtThread *t, BtType *cls, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    BtType *nb = native_base(cls);
    BtValue self;
    BtValue nw = user_new(t, cls);
    if (!bt_is_undef(nw)) {
        self = call_user_new(t, nw, cls, args, nargs, kwnames);
        if (bt_is_undef(self))
            return BT_UNDEF;
        /* __init__ runs only on an instance of cls, as in CPython. */
        if (!bt_isinstance(t, self, cls))
            return self;
    } else if (cls->layout == BT_LAYOUT_EXCEPTION || nb == BT_TYPE(t, object)) {
        self = alloc_instance(t, cls);
        if (bt_is_undef(self))
            return BT_UNDEF;
        if (cls->layout == BT_LAYOUT_EXCEPTION) {
            BT_PUSH_ROOT(t, &self);
            BtTuple *a = bt_tuple_from(t, args, (size_t)nargs);
            if (a)
                ((BtException *)bt_as_obj(self))->args = a;
            bool ok = a && bt_exc_init_fields(t, self, args, nargs);
            /* Keywords go to the built-in __init__ if the class has no
             * __init__ of its own (ImportError's name= and path=). */
            BtValue init = kwnames ? bt_type_lookup(cls, BT_NAME(t, dunder_init)) : BT_UNDEF;
            if (ok && is_native_wrapper(t, init))
                ok = !bt_is_undef(((BtNative *)bt_as_obj(init))->fn(t, self, args, nargs, kwnames));
            BT_POP_ROOT(t, 1);
            if (!ok)
                return BT_UNDEF;
        }
    } else if (bt_is_undef(bt_dict_get_str(nb->dict, BT_NAME(t, dunder_init)))) {
        /* A subclass of map, zip, enumerate or filter: the built-in's
         * constructor makes the instance (of cls) from the arguments. */
        self = nb->construct(t, cls, args, nargs, kwnames);
        if (bt_is_undef(self))
            return BT_UNDEF;
    } else {
        /* A subclass of list or dict: an empty value of the subclass, filled
         * by the built-in __init__ unless the class brings its own. */
        BtObject *o = bt_gc_alloc(t, cls, cls->instance_size);
        if (!o)
            return BT_UNDEF;
        self = bt_obj(o);
    }
    if (cls->layout == BT_LAYOUT_BUILTIN) {
        BtValue init = bt_type_lookup(cls, BT_NAME(t, dunder_init));
        if (is_native_wrapper(t, init) && ((BtNative *)bt_as_obj(init))->owner == nb) {
            BT_PUSH_ROOT(t, &self);
            BtValue r = ((BtNative *)bt_as_obj(init))->fn(t, self, args, nargs, kwnames);
            BT_POP_ROOT(t, 1);
            if (bt_is_undef(r))
                return BT_UNDEF;
        }
    }
    BT_PUSH_ROOT(t, &self);
    BtValue init = bt_type_lookup(cls, BT_NAME(t, dunder_init));
    if (!bt_is_undef(init) && !is_native_wrapper(t, init)) {
        int total = nargs + (kwnames ? (int)kwnames->len : 0);
        BtValue small[8];
        BtValue *argv = total + 1 <= 8 ? small : malloc((size_t)(total + 1) * sizeof(BtValue));
        if (!argv) {
            BT_POP_ROOT(t, 1);
            bt_raise_memory(t);
            return BT_UNDEF;
        }
        argv[0] = self;
        if (total > 0)
            memcpy(argv + 1, args, (size_t)total * sizeof(BtValue));
        BtValue r = bt_call(t, init, argv, nargs + 1, kwnames);
        if (argv != small)
            free(argv);
        if (bt_is_undef(r)) {
            BT_POP_ROOT(t, 1);
            return BT_UNDEF;
        }
        if (!bt_is_none(r)) {
            BT_POP_ROOT(t, 1);
            bt_raise(t, BT_EXC(t, TypeError), "__init__() should return None, not '%s'",
                     bt_type_name(t, r));
            return BT_UNDEF;
        }
    } else if (cls->layout != BT_LAYOUT_EXCEPTION && nb == BT_TYPE(t, object) &&
               bt_is_undef(nw) && (nargs > 0 || kwnames)) {
        BT_POP_ROOT(t, 1);
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments", cls->name->data);
        return BT_UNDEF;
    }
    BT_POP_ROOT(t, 1);
    return self;
}

static void instance_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtInstance *)o)->dict);
}

static void boxed_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtBoxed *)o)->dict);
    bt_gc_mark(gc, ((BtBoxed *)o)->value);
}

/* A subclass of list or dict: the built-in's references, then the dict. */
static void builtin_subclass_trace(BtGc *gc, BtObject *o) {
    BtType *nb = native_base(o->type);
    if (nb->trace)
        nb->trace(gc, o);
    bt_gc_mark_obj(gc, *(BtObject **)((char *)o + o->type->dict_offset));
}

/* list.__init__(self[, iterable]) and dict.__init__(self[, mapping], **kw),
 * reached by subclasses through super().__init__() or by default. */
static BtValue list_init(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "list", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    BtList *l = (BtList *)bt_as_obj(self);
    l->len = 0;
    if (nargs == 1 && !bt_list_extend(t, l, args[0]))
        return BT_UNDEF;
    return BT_NONE;
}

static BtValue dict_init(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "dict expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    BtDict *d = (BtDict *)bt_as_obj(self);
    if (nargs == 1 && !bt_dict_update(t, d, args[0]))
        return BT_UNDEF;
    for (size_t k = 0; kwnames && k < kwnames->len; k++)
        if (!bt_dict_set(t, d, kwnames->items[k], args[nargs + (int)k]))
            return BT_UNDEF;
    return BT_NONE;
}

/* The built-ins whose subclasses hold a value (BT_LAYOUT_BOXED): the
 * immutable ones, and set, whose in-place operators must keep identity. */
#define BOXABLE_TYPES(X) X(int_) X(float_) X(str) X(bytes) X(tuple) X(set) X(frozenset)

static bool is_boxable(BtThread *t, BtType *type) {
#define IS(name)                                                                                  \
    if (type == BT_TYPE(t, name))                                                                  \
        return true;
    BOXABLE_TYPES(IS)
#undef IS
    return false;
}

/* base.__new__(cls, *args): the built-in makes its value from args, and for
 * a subclass an instance of cls holds it. */
static BtValue boxable_new(BtThread *t, BtType *base, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__new__(): not enough arguments",
                 base->name->data);
        return BT_UNDEF;
    }
    if (!bt_is_class(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__new__(X): X is not a type object (%s)",
                 base->name->data, bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtType *cls = (BtType *)bt_as_obj(args[0]);
    if (!bt_issubtype(cls, base)) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__new__(%s): %s is not a subtype of %s",
                 base->name->data, cls->name->data, cls->name->data, base->name->data);
        return BT_UNDEF;
    }
    if (cls->layout != BT_LAYOUT_BOXED && cls != base) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__new__(%s) is not safe, use %s.__new__()",
                 base->name->data, cls->name->data, native_base(cls)->name->data);
        return BT_UNDEF;
    }
    BtValue value = base->construct(t, base, args + 1, nargs - 1, kwnames);
    if (bt_is_undef(value) || cls == base)
        return value;
    BT_PUSH_ROOT(t, &value);
    BtBoxed *o = bt_gc_alloc(t, cls, sizeof(BtBoxed));
    BT_POP_ROOT(t, 1);
    if (!o)
        return BT_UNDEF;
    o->value = value;
    return bt_obj(o);
}

#define BOXABLE_NEW(name)                                                                          \
    static BtValue name##_new(BtThread *t, BtValue self, BtValue *args, int nargs,               \
                              BtTuple *kwnames) {                                                  \
        (void)self;                                                                                \
        return boxable_new(t, BT_TYPE(t, name), args, nargs, kwnames);                             \
    }
BOXABLE_TYPES(BOXABLE_NEW)
#undef BOXABLE_NEW

/* set.__init__(self[, iterable]): set() fills the set in __new__, but a
 * subclass's __init__ may call this to refill it. */
static BtValue set_init(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "set", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    BtValue clear = bt_getattr(t, self, bt_str_intern_cstr(t, "clear"));
    if (bt_is_undef(clear) || bt_is_undef(bt_call(t, clear, NULL, 0, NULL)))
        return BT_UNDEF;
    if (nargs == 1 && !bt_set_update(t, (BtSet *)bt_as_obj(self), args[0]))
        return BT_UNDEF;
    return BT_NONE;
}

/* object.__init_subclass__(): what super().__init_subclass__(**kw) ends at. The class
 * comes as self when bound through super(), else as args[0] (a class method). */
static BtValue object_init_subclass(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    BtValue cls = self;
    if (!bt_is_class(t, self) && nargs > 0) {
        cls = args[0];
        nargs--;
    }
    const char *name = bt_is_class(t, cls) ? ((BtType *)bt_as_obj(cls))->name->data : "object";
    if (nargs > 0) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__init_subclass__() takes no arguments (%d given)",
                 name, nargs);
        return BT_UNDEF;
    }
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "%s.__init_subclass__() takes no keyword arguments",
                 name);
        return BT_UNDEF;
    }
    return BT_NONE;
}

bool bt_type_init_subclassable(BtThread *t) {
    /* As in CPython, a built-in type that defines no comparison hashes by
     * identity, like object: iterators, generators, code, frames. */
#define IDENTITY_HASH(field, pyname)                                                               \
    if (!t->interp->types.field->hash && !t->interp->types.field->compare)                        \
        t->interp->types.field->hash = BT_TYPE(t, object)->hash;
    BT_BUILTIN_TYPES(IDENTITY_HASH)
#undef IDENTITY_HASH
    static const BtNativeDef list_defs[] = {{"__init__", list_init}, {NULL, NULL}};
    static const BtNativeDef dict_defs[] = {{"__init__", dict_init}, {NULL, NULL}};
    static const BtNativeDef set_defs[] = {{"__init__", set_init}, {NULL, NULL}};
    BT_TYPE(t, list)->flags |= BT_TYPE_BASETYPE;
    BT_TYPE(t, dict)->flags |= BT_TYPE_BASETYPE;
    bool ok = bt_type_add_methods(t, BT_TYPE(t, list), list_defs) &&
              bt_type_add_methods(t, BT_TYPE(t, dict), dict_defs) &&
              bt_type_add_methods(t, BT_TYPE(t, set), set_defs);
#define ADD_NEW(name)                                                                              \
    BT_TYPE(t, name)->flags |= BT_TYPE_BASETYPE;                                                   \
    ok = ok && bt_type_add_static(t, BT_TYPE(t, name), "__new__", name##_new, false);
    BOXABLE_TYPES(ADD_NEW)
#undef ADD_NEW
    return ok && bt_type_add_static(t, BT_TYPE(t, object), "__init_subclass__",
                                    object_init_subclass, true);
}

/* ---- making classes ---- */

/* Give a user class the dispatcher slots (all of them: the dispatchers fall
 * back to the built-in base when the class does not define the dunder). */
static void install_dispatchers(BtType *cls) {
    cls->repr = slot_repr;
    cls->str = slot_str;
    cls->hash = slot_hash;
    cls->compare = slot_compare;
    cls->binary = slot_binary;
    cls->unary = slot_unary;
    cls->truth = slot_truth;
    cls->len = slot_len;
    cls->getitem = slot_getitem;
    cls->setitem = slot_setitem;
    cls->contains = slot_contains;
    cls->iter = slot_iter;
    cls->next = slot_next;
    cls->call = slot_call;
    cls->construct = instance_construct;
}

/* The attribute slot for classes whose lookups are not dict-first: a data
 * descriptor in the MRO, or a __getattribute__ of their own. */
static BtValue slot_getattribute(BtThread *t, BtValue self, BtStr *name) {
    BtType *ty = bt_type_of(t, self);
    BtValue m = bt_type_lookup(ty, BT_NAME(t, dunder_getattribute));
    BtValue args[2] = {self, bt_obj(name)};
    BtValue r = bt_call(t, m, args, 2, NULL);
    if (!bt_is_undef(r) || !bt_exc_pending_is(t, BT_EXC(t, AttributeError)))
        return r;
    /* __getattr__ is the fallback when __getattribute__ raises AttributeError. */
    BtValue hook = bt_type_lookup(ty, BT_NAME(t, dunder_getattr));
    if (bt_is_undef(hook))
        return BT_UNDEF;
    bt_take_exc(t);
    return bt_call(t, hook, args, 2, NULL);
}

/* A name is a Python identifier (ASCII letters, digits, _, or any non-ASCII). */
static bool is_identifier(const BtStr *s) {
    if (s->size == 0 || (s->data[0] >= '0' && s->data[0] <= '9'))
        return false;
    for (size_t i = 0; i < s->size; i++) {
        unsigned char c = (unsigned char)s->data[i];
        if (!(c == '_' || c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* __slots__ in the class body: a member descriptor per name, and, when every
 * class above also has __slots__ (or is object) and none names __dict__,
 * instances that take no other attribute (BT_TYPE_NO_DICT). */
static bool make_slots(BtThread *t, BtType *cls) {
    BtStr *key = bt_str_intern_cstr(t, "__slots__");
    BtValue given = key ? bt_dict_get_str(cls->dict, key) : BT_UNDEF;
    if (bt_is_undef(given))
        return key != NULL;
    BtTuple *names = bt_is_str(t, given) ? bt_tuple_from(t, &given, 1) : bt_tuple_from_iterable(t, given);
    if (!names)
        return false;
    BtValue keep = bt_obj(names);
    BT_PUSH_ROOT(t, &keep);
    bool ok = true, with_dict = false;
    for (size_t i = 0; ok && i < names->len; i++) {
        BtValue n = names->items[i];
        if (!bt_is_str(t, n)) {
            bt_raise(t, BT_EXC(t, TypeError), "__slots__ items must be strings, not '%s'",
                     bt_type_name(t, n));
            ok = false;
            break;
        }
        BtStr *name = bt_str_intern_str(t, bt_as_str(n));
        if (!name || !is_identifier(name)) {
            if (name)
                bt_raise(t, BT_EXC(t, TypeError), "__slots__ must be identifiers");
            ok = false;
        } else if (strcmp(name->data, "__dict__") == 0) {
            with_dict = true;
        } else if (strcmp(name->data, "__weakref__") != 0) {
            if (!bt_is_undef(bt_dict_get_str(cls->dict, name))) {
                bt_raise(t, BT_EXC(t, ValueError), "%R in __slots__ conflicts with class variable",
                         bt_obj(name));
                ok = false;
                break;
            }
            BtMember *m = bt_gc_alloc(t, BT_TYPE(t, member), sizeof(BtMember));
            if (m) {
                m->name = name;
                m->owner = cls;
            }
            ok = m && bt_dict_set_str(t, cls->dict, name, bt_obj(m));
        }
    }
    BT_POP_ROOT(t, 1);
    if (!ok)
        return false;
    bool no_dict = !with_dict;
    for (size_t i = 1; no_dict && i < cls->mro->len; i++) {
        BtType *base = (BtType *)bt_as_obj(cls->mro->items[i]);
        if (base != BT_TYPE(t, object) && !(base->flags & BT_TYPE_NO_DICT))
            no_dict = false;
    }
    if (no_dict) /* the slow attribute paths, where the check is */
        cls->flags |= BT_TYPE_NO_DICT | BT_TYPE_DATA_DESCRIPTORS;
    return true;
}

/* Set the class up for descriptors: __new__ is an implicit staticmethod; a
 * data descriptor anywhere in the MRO, or a user __getattribute__, turns off
 * the dict-first fast paths (they test for an empty getattr slot). */
static bool prepare_descriptors(BtThread *t, BtType *cls) {
    BtValue nw = bt_dict_get_str(cls->dict, BT_NAME(t, dunder_new));
    if (bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, function)) {
        BtValue sm = bt_staticmethod_new(t, nw);
        if (bt_is_undef(sm) || !bt_dict_set_str(t, cls->dict, BT_NAME(t, dunder_new), sm))
            return false;
    }
    for (size_t i = 0; i < cls->mro->len; i++) {
        BtType *m = (BtType *)bt_as_obj(cls->mro->items[i]);
        if (m->flags & BT_TYPE_DATA_DESCRIPTORS)
            cls->flags |= BT_TYPE_DATA_DESCRIPTORS;
        if (m != cls)
            continue;
        size_t pos = 0;
        BtValue key, value;
        while (bt_dict_next(m->dict, &pos, &key, &value))
            if (bt_descr_is_data(t, value))
                cls->flags |= BT_TYPE_DATA_DESCRIPTORS;
    }
    bool plain_getattr = !cls->getattr || cls->getattr == bt_generic_getattr;
    if ((cls->flags & BT_TYPE_DATA_DESCRIPTORS) && plain_getattr)
        cls->getattr = bt_generic_getattr;
    BtValue ga = bt_type_lookup(cls, BT_NAME(t, dunder_getattribute));
    if (bt_is_obj(ga) && bt_as_obj(ga)->type != BT_TYPE(t, native))
        cls->getattr = slot_getattribute;
    return true;
}

/* value.__set_name__(cls, name) for each attribute of the new class whose
 * class defines it (descriptors learning their name). */
static bool call_set_names(BtThread *t, BtType *cls) {
    /* A snapshot, as CPython takes: a __set_name__ may change the class dict,
     * and every attribute present at creation still gets its call. */
    BtDict *d = bt_dict_copy(t, cls->dict);
    if (!d)
        return false;
    BtValue keep = bt_obj(d);
    BT_PUSH_ROOT(t, &keep);
    BtStr *set_name = BT_NAME(t, dunder_set_name);
    size_t pos = 0;
    BtValue key, value;
    bool ok = true;
    while (ok && bt_dict_next(d, &pos, &key, &value)) {
        if (!bt_is_obj(value))
            continue;
        BtValue m = bt_type_lookup(bt_as_obj(value)->type, set_name);
        if (bt_is_undef(m))
            continue;
        BtValue args[3] = {value, bt_obj(cls), key};
        ok = !bt_is_undef(bt_call(t, m, args, 3, NULL));
        if (!ok) {
            /* 3.11 wraps the error in a RuntimeError naming the culprit. */
            BtValue cause = bt_take_exc(t);
            BT_PUSH_ROOT(t, &cause);
            bt_raise(t, BT_EXC(t, RuntimeError), "Error calling __set_name__ on '%s' instance %R in '%S'",
                     bt_type_name(t, value), key, cls->name);
            if (bt_is_obj(t->exc) && bt_as_obj(t->exc)->type->layout == BT_LAYOUT_EXCEPTION &&
                bt_is_obj(cause) && bt_as_obj(cause)->type->layout == BT_LAYOUT_EXCEPTION) {
                ((BtException *)bt_as_obj(t->exc))->cause = cause;
                ((BtException *)bt_as_obj(t->exc))->context = cause;
                ((BtException *)bt_as_obj(t->exc))->suppress_context = true;
            }
            BT_POP_ROOT(t, 1);
        }
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* A class body that uses __class__ or super() leaves its cell in the
 * namespace as __classcell__: it gets the class, and leaves the class dict. */
static bool set_class_cell(BtThread *t, BtType *cls) {
    BtStr *key = bt_str_intern_cstr(t, "__classcell__");
    if (!key)
        return false;
    BtValue cell = bt_dict_get_str(cls->dict, key);
    if (bt_is_undef(cell))
        return true;
    if (!bt_is_obj(cell) || bt_as_obj(cell)->type != BT_TYPE(t, cell)) {
        bt_raise(t, BT_EXC(t, TypeError), "__classcell__ must be a nonlocal cell, not %R",
                 bt_obj(bt_type_of(t, cell)));
        return false;
    }
    ((BtCell *)bt_as_obj(cell))->value = bt_obj(cls);
    return bt_dict_del(t, cls->dict, bt_obj(key)) >= 0;
}

/* The class object, an instance of meta (type or a subclass of it). */
static BtValue new_class(BtThread *t, BtType *meta, BtStr *name, BtTuple *bases, BtDict *ns) {
    t->interp->type_epoch++; /* a new type may reuse a dead type's address */
    BtValue keep_bases = bt_obj(bases);
    BT_PUSH_ROOT(t, &keep_bases);
    if (bases->len == 0) {
        bases = bt_tuple_from(t, (BtValue[]){bt_obj(BT_TYPE(t, object))}, 1);
        if (!bases) {
            BT_POP_ROOT(t, 1);
            return BT_UNDEF;
        }
        keep_bases = bt_obj(bases);
    }
    /* The solid base decides the layout: exceptions, a built-in, or plain.
     * It may come from any base (`class L(B, list)`); the base that brings it
     * becomes __base__, as in CPython, so walking ->base always reaches it. */
    BtType *solid = NULL, *best = NULL;
    for (size_t i = 0; i < bases->len; i++) {
        BtValue b = bases->items[i];
        if (!bt_is_class(t, b)) {
            BT_POP_ROOT(t, 1);
            bt_raise(t, BT_EXC(t, TypeError), "bases must be types");
            return BT_UNDEF;
        }
        BtType *bt = (BtType *)bt_as_obj(b);
        if (!(bt->flags & BT_TYPE_BASETYPE)) {
            BT_POP_ROOT(t, 1);
            bt_raise(t, BT_EXC(t, TypeError), "type '%s' is not an acceptable base type",
                     bt->name->data);
            return BT_UNDEF;
        }
        BtType *nb = native_base(bt);
        if (!solid || (nb != solid && bt_issubtype(nb, solid))) {
            solid = nb;
            best = bt;
        } else if (nb != solid && !bt_issubtype(solid, nb) &&
                   !bt_issubtype(layout_base(nb), layout_base(solid)) &&
                   !bt_issubtype(layout_base(solid), layout_base(nb))) {
            BT_POP_ROOT(t, 1);
            bt_raise(t, BT_EXC(t, TypeError), "multiple bases have instance lay-out conflict");
            return BT_UNDEF;
        }
    }
    BtType *cls = bt_gc_alloc(t, meta, meta->instance_size);
    if (!cls) {
        BT_POP_ROOT(t, 1);
        return BT_UNDEF;
    }
    BtValue keep_cls = bt_obj(cls);
    BT_PUSH_ROOT(t, &keep_cls);
    cls->name = name;
    cls->qualname = name;
    cls->bases = bases;
    cls->base = best;
    cls->flags = BT_TYPE_HEAPTYPE | BT_TYPE_BASETYPE;
    cls->layout = solid == BT_TYPE(t, object) ? BT_LAYOUT_INSTANCE
                  : is_boxable(t, solid)      ? BT_LAYOUT_BOXED
                                              : best->layout;
    cls->instance_size = cls->layout == BT_LAYOUT_EXCEPTION  ? sizeof(BtException)
                         : cls->layout == BT_LAYOUT_INSTANCE ? sizeof(BtInstance)
                         : cls->layout == BT_LAYOUT_BOXED    ? sizeof(BtBoxed)
                                                             : solid->instance_size;
    if (cls->layout == BT_LAYOUT_BOXED) {
        cls->dict_offset = offsetof(BtBoxed, dict);
    } else if (cls->layout == BT_LAYOUT_BUILTIN) {
        /* Instances are the built-in's struct with an attribute dict after it. */
        size_t off = (solid->instance_size + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
        cls->instance_size = off + sizeof(BtDict *);
        cls->dict_offset = off;
    } else {
        cls->dict_offset = offsetof(BtInstance, dict);
    }
    cls->trace = cls->layout == BT_LAYOUT_BUILTIN ? builtin_subclass_trace
                 : cls->layout == BT_LAYOUT_BOXED ? boxed_trace
                 : solid->trace                   ? solid->trace
                                                  : instance_trace;
    if (cls->layout == BT_LAYOUT_BOXED) {
        /* Instances start with no built-in struct: code that tests ->native
         * (bt_is_list...) must not take them for the built-in. */
        cls->native = BT_TYPE(t, object);
    } else {
        cls->native = solid;
        cls->finalize = solid->finalize;
        cls->getattr = solid->getattr;
        cls->setattr = solid->setattr;
    }
    install_dispatchers(cls);
    bool ok = compute_mro(t, cls);
    if (ok) {
        cls->dict = bt_dict_copy(t, ns);
        ok = cls->dict != NULL && set_class_cell(t, cls);
    }
    for (size_t i = 0; ok && i < cls->mro->len; i++) {
        BtType *m = (BtType *)bt_as_obj(cls->mro->items[i]);
        if ((m->flags & BT_TYPE_CUSTOM_SETATTR) ||
            (m == cls && (!bt_is_undef(bt_dict_get_str(cls->dict, BT_NAME(t, dunder_setattr))) ||
                          !bt_is_undef(bt_dict_get_str(cls->dict, BT_NAME(t, dunder_delattr))))))
            cls->flags |= BT_TYPE_CUSTOM_SETATTR;
    }
    if (ok)
        ok = make_slots(t, cls);
    if (ok)
        ok = prepare_descriptors(t, cls);
    /* Defining __eq__ without __hash__ makes instances unhashable, as in Python 3. */
    if (ok && !bt_is_undef(bt_dict_get_str(cls->dict, BT_NAME(t, dunder_eq))) &&
        bt_is_undef(bt_dict_get_str(cls->dict, BT_NAME(t, dunder_hash))))
        ok = bt_dict_set_str(t, cls->dict, BT_NAME(t, dunder_hash), BT_NONE);
    if (ok) {
        BtValue mod = bt_dict_get_str(cls->dict, BT_NAME(t, dunder_module));
        cls->module = bt_is_str(t, mod) ? bt_as_str(mod) : NULL;
        BtValue qn = bt_dict_get_str(cls->dict, BT_NAME(t, dunder_qualname));
        if (bt_is_str(t, qn)) {
            cls->qualname = bt_as_str(qn);
            ok = bt_dict_del(t, cls->dict, bt_obj(BT_NAME(t, dunder_qualname))) >= 0;
        }
    }
    if (ok)
        ok = call_set_names(t, cls);
    BT_POP_ROOT(t, 2);
    return ok ? bt_obj(cls) : BT_UNDEF;
}

BtValue bt_type_new_class(BtThread *t, BtStr *name, BtTuple *bases, BtDict *ns) {
    return new_class(t, BT_TYPE(t, type), name, bases, ns);
}

/* The new class's base learns of it: the first __init_subclass__ after cls in
 * its MRO (a class method, decorated or not) runs with the class keywords. */
static bool init_subclass(BtThread *t, BtValue cls, BtValue *kwvalues, BtTuple *kwnames) {
    BtTuple *mro = ((BtType *)bt_as_obj(cls))->mro;
    BtStr *name = bt_str_intern_cstr(t, "__init_subclass__");
    if (!name)
        return false;
    BtValue hook = BT_UNDEF;
    for (size_t i = 1; i < mro->len && bt_is_undef(hook); i++)
        hook = bt_dict_get_str(((BtType *)bt_as_obj(mro->items[i]))->dict, name);
    if (bt_is_obj(hook) && (bt_as_obj(hook)->type == BT_TYPE(t, classmethod) ||
                            bt_as_obj(hook)->type == BT_TYPE(t, staticmethod)))
        hook = ((BtFuncWrapper *)bt_as_obj(hook))->func;
    int nk = kwnames ? (int)kwnames->len : 0;
    if (bt_is_undef(hook) || (bt_is_obj(hook) && bt_as_obj(hook)->type == BT_TYPE(t, native))) {
        if (nk == 0)
            return true; /* object's: nothing to do */
        bt_raise(t, BT_EXC(t, TypeError), "%S.__init_subclass__() takes no keyword arguments",
                 ((BtType *)bt_as_obj(cls))->name);
        return false;
    }
    /* cls, then the class keywords by name. */
    BtValue small[9];
    BtValue *argv = nk < 9 ? small : malloc((size_t)(nk + 1) * sizeof(BtValue));
    if (!argv) {
        bt_raise_memory(t);
        return false;
    }
    argv[0] = cls;
    if (nk)
        memcpy(argv + 1, kwvalues, (size_t)nk * sizeof(BtValue));
    BtValue r = bt_call(t, hook, argv, 1, nk ? kwnames : NULL);
    if (argv != small)
        free(argv);
    return !bt_is_undef(r);
}

BtValue bt_type_make_class(BtThread *t, BtType *meta, BtStr *name, BtTuple *bases, BtDict *ns,
                           BtValue *kwvalues, BtTuple *kwnames) {
    BtValue cls = new_class(t, meta, name, bases, ns);
    if (bt_is_undef(cls))
        return cls;
    BT_PUSH_ROOT(t, &cls);
    bool ok = init_subclass(t, cls, kwvalues, kwnames);
    BT_POP_ROOT(t, 1);
    return ok ? cls : BT_UNDEF;
}

BtType *bt_type_new_native(BtThread *t, const char *name, BtType *base, size_t instance_size) {
    if (!base)
        base = BT_TYPE(t, object);
    BtType *ty = bt_gc_alloc(t, BT_TYPE(t, type), sizeof(BtType));
    if (!ty)
        return NULL;
    BtValue keep = bt_obj(ty);
    BT_PUSH_ROOT(t, &keep);
    ty->base = base;
    ty->native = ty;
    ty->layout = BT_LAYOUT_BUILTIN;
    ty->instance_size = instance_size;
    ty->name = bt_str_intern_cstr(t, name);
    ty->qualname = ty->name;
    ty->bases = ty->name ? bt_tuple_from(t, (BtValue[]){bt_obj(base)}, 1) : NULL;
    if (ty->bases) {
        ty->mro = bt_tuple_new(t, base->mro->len + 1);
        if (ty->mro) {
            ty->mro->items[0] = bt_obj(ty);
            memcpy(ty->mro->items + 1, base->mro->items, base->mro->len * sizeof(BtValue));
        }
    }
    ty->dict = ty->mro ? bt_dict_new(t) : NULL;
    BT_POP_ROOT(t, 1);
    if (!ty->dict)
        return NULL;
    ty->repr = base->repr;
    ty->str = base->str;
    ty->hash = base->hash;
    ty->compare = base->compare;
    ty->getattr = base->getattr;
    ty->setattr = base->setattr;
    return ty;
}

/* ---- the `type` type itself ---- */

static void type_trace(BtGc *gc, BtObject *o) {
    BtType *ty = (BtType *)o;
    bt_gc_mark_obj(gc, (BtObject *)ty->name);
    bt_gc_mark_obj(gc, (BtObject *)ty->qualname);
    bt_gc_mark_obj(gc, (BtObject *)ty->module);
    bt_gc_mark_obj(gc, (BtObject *)ty->base);
    bt_gc_mark_obj(gc, (BtObject *)ty->bases);
    bt_gc_mark_obj(gc, (BtObject *)ty->mro);
    bt_gc_mark_obj(gc, (BtObject *)ty->dict);
}

static BtValue type_repr(BtThread *t, BtValue self) {
    BtType *ty = (BtType *)bt_as_obj(self);
    if (ty->module && strcmp(ty->module->data, "builtins") != 0)
        return bt_obj(bt_str_format(t, "<class '%S.%S'>", ty->module, ty->qualname));
    return bt_obj(bt_str_format(t, "<class '%S'>", ty->name)); /* CPython's tp_name */
}

/* The user's __init__ of a metaclass (BT_UNDEF for type's own). */
static BtValue meta_user_init(BtThread *t, BtType *meta) {
    BtValue init = bt_type_lookup(meta, BT_NAME(t, dunder_init));
    return is_native_wrapper(t, init) ? BT_UNDEF : init;
}

/* type.__new__(mcs, name, bases, ns, **kw) with args = (name, bases, ns). */
static BtValue type_new_impl(BtThread *t, BtType *mcs, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (nargs != 3) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__new__() takes exactly 3 arguments (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    const char *want[3] = {"str", "tuple", "dict"};
    bool ok[3] = {bt_is_str(t, args[0]), bt_is_obj(args[1]) && bt_isinstance(t, args[1], BT_TYPE(t, tuple)),
                  bt_is_obj(args[2]) && bt_isinstance(t, args[2], BT_TYPE(t, dict))};
    for (int i = 0; i < 3; i++)
        if (!ok[i]) {
            bt_raise(t, BT_EXC(t, TypeError), "type.__new__() argument %d must be %s, not %s",
                     i + 1, want[i], bt_type_name(t, args[i]));
            return BT_UNDEF;
        }
    BtTuple *bases = (BtTuple *)bt_as_obj(args[1]);
    BtType *winner = bt_type_metaclass(t, mcs, bases);
    if (!winner)
        return BT_UNDEF;
    if (winner != mcs) {
        /* A base's metaclass is more derived: its own __new__ makes the class. */
        BtValue nw = bt_type_lookup(winner, BT_NAME(t, dunder_new));
        if (bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, staticmethod))
            nw = ((BtFuncWrapper *)bt_as_obj(nw))->func;
        if (!(bt_is_obj(nw) && bt_as_obj(nw)->type == BT_TYPE(t, native)))
            return call_user_new(t, nw, winner, args, nargs, kwnames);
    }
    BtDict *ns = bt_dict_copy(t, (BtDict *)bt_as_obj(args[2]));
    if (!ns)
        return BT_UNDEF;
    BtValue keep = bt_obj(ns);
    BT_PUSH_ROOT(t, &keep);
    /* __module__ is the caller's __name__, as a class statement would give. */
    BtFrame *f = bt_eval_current_frame(t);
    bool fine = true;
    if (f && f->globals && bt_is_undef(bt_dict_get_str(ns, BT_NAME(t, dunder_module)))) {
        BtValue mod = bt_dict_get_str(f->globals, BT_NAME(t, dunder_name));
        if (!bt_is_undef(mod))
            fine = bt_dict_set_str(t, ns, BT_NAME(t, dunder_module), mod);
    }
    BtValue cls = fine ? bt_type_make_class(t, winner, bt_as_str(args[0]), bases, ns,
                                            args + nargs, kwnames)
                       : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    return cls;
}

/* type.__new__(mcs, name, bases, ns, **kw): what a metaclass's __new__ ends at. */
static BtValue type_new_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    if (nargs < 1) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__new__(): not enough arguments");
        return BT_UNDEF;
    }
    if (!bt_is_class(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__new__(X): X is not a type object (%s)",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtType *mcs = (BtType *)bt_as_obj(args[0]);
    if (!bt_issubtype(mcs, BT_TYPE(t, type))) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__new__(%s): %s is not a subtype of type",
                 mcs->name->data, mcs->name->data);
        return BT_UNDEF;
    }
    return type_new_impl(t, mcs, args + 1, nargs - 1, kwnames);
}

/* type.__init__(cls, ...): checks the arguments, the class is made already. */
static BtValue type_init_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (nargs == 1 && kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__init__() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs != 1 && nargs != 3) {
        bt_raise(t, BT_EXC(t, TypeError), "type.__init__() takes 1 or 3 arguments");
        return BT_UNDEF;
    }
    return BT_NONE;
}

static BtValue type_call(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtType *ty = (BtType *)bt_as_obj(self);
    if (ty == BT_TYPE(t, type)) {
        if (nargs == 1 && !kwnames)
            return bt_obj(bt_type_of(t, args[0]));
        if (nargs != 3) {
            bt_raise(t, BT_EXC(t, TypeError), "type() takes 1 or 3 arguments");
            return BT_UNDEF;
        }
        /* type(name, bases, dict): a class made without a class statement, by
         * the most derived metaclass of its bases, whose __init__ runs too. */
        BtValue cls = type_new_impl(t, ty, args, nargs, kwnames);
        if (!bt_is_class(t, cls) || bt_as_obj(cls)->type == BT_TYPE(t, type))
            return cls;
        BtValue init = meta_user_init(t, bt_as_obj(cls)->type);
        if (bt_is_undef(init))
            return cls;
        BT_PUSH_ROOT(t, &cls);
        BtValue argv[4] = {cls, args[0], args[1], args[2]};
        BtValue r = bt_call(t, init, argv, 4, NULL);
        BT_POP_ROOT(t, 1);
        return bt_is_undef(r) ? r : cls;
    }
    if (!ty->construct) {
        bt_raise(t, BT_EXC(t, TypeError), "cannot create '%s' instances", ty->name->data);
        return BT_UNDEF;
    }
    return ty->construct(t, ty, args, nargs, kwnames);
}

/* type.__call__(cls, *args): what a metaclass's __call__ reaches through super(). */
static BtValue type_call_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    return type_call(t, self, args, nargs, kwnames);
}

/* type.__prepare__(name, bases, **kw): the namespace of a class body. */
static BtValue type_prepare(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)self, (void)args, (void)nargs, (void)kwnames;
    BtDict *d = bt_dict_new(t);
    return d ? bt_obj(d) : BT_UNDEF;
}

/* type.__instancecheck__(cls, obj) and __subclasscheck__(cls, sub): the plain
 * tests, which a metaclass overriding them reaches through super(). */
static BtValue type_instancecheck(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    if (!bt_check_args(t, "__instancecheck__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return bt_bool(bt_isinstance(t, args[0], (BtType *)bt_as_obj(self)));
}

static BtValue type_subclasscheck(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    if (!bt_check_args(t, "__subclasscheck__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_class(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "issubclass() arg 1 must be a class");
        return BT_UNDEF;
    }
    return bt_bool(bt_issubtype((BtType *)bt_as_obj(args[0]), (BtType *)bt_as_obj(self)));
}

/* A class's attribute (type.__getattribute__): CPython's order, a data
 * descriptor of the metaclass (a property), then the class's MRO, then the
 * metaclass's other attributes (methods bound to the class). */
static BtValue type_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtType *ty = (BtType *)bt_as_obj(self);
    BtInterp *in = t->interp;
    if (name == in->names.dunder_name)
        return bt_obj(ty->name);
    if (name == in->names.dunder_qualname)
        return bt_obj(ty->qualname);
    if (name == in->names.dunder_module) {
        BtValue m = (ty->flags & BT_TYPE_HEAPTYPE) ? bt_dict_get_str(ty->dict, name) : BT_UNDEF;
        if (!bt_is_undef(m))
            return m; /* a class's own, whatever was assigned */
        return ty->module ? bt_obj(ty->module) : bt_obj(bt_str_intern_cstr(t, "builtins"));
    }
    if (name == in->names.dunder_mro)
        return bt_obj(ty->mro);
    if (name == in->names.dunder_bases)
        return bt_obj(ty->bases ? ty->bases : in->empty_tuple);
    if (name == in->names.dunder_base)
        return ty->base ? bt_obj(ty->base) : BT_NONE;
    if (name == in->names.dunder_dict) {
        in->type_epoch++; /* the dict may be changed through this reference */
        return bt_obj(ty->dict);
    }
    if (name == in->names.dunder_class)
        return bt_obj(bt_as_obj(self)->type);
    BtType *meta = bt_as_obj(self)->type;
    BtValue mv = BT_UNDEF;
    if (meta != in->types.type) {
        mv = bt_type_lookup(meta, name);
        if (bt_descr_is_data(t, mv))
            return bt_descr_get(t, mv, self, meta);
    }
    BtValue v = bt_type_lookup(ty, name);
    if (!bt_is_undef(v))
        return bt_descr_get(t, v, BT_UNDEF, ty);
    if (meta == in->types.type) {
        if (name == in->names.dunder_doc)
            return BT_NONE;
        mv = bt_type_lookup(meta, name);
    }
    if (!bt_is_undef(mv))
        return bt_descr_get(t, mv, self, meta);
    if (name == in->names.dunder_doc)
        return BT_NONE;
    BtValue hook = meta != in->types.type ? bt_type_lookup(meta, BT_NAME(t, dunder_getattr))
                                          : BT_UNDEF;
    if (!bt_is_undef(hook)) {
        BtValue argv[2] = {self, bt_obj(name)};
        return bt_call(t, hook, argv, 2, NULL);
    }
    bt_raise(t, BT_EXC(t, AttributeError), "type object '%S' has no attribute '%S'", ty->name,
             name);
    bt_exc_hint_attribute(t, self, name);
    return BT_UNDEF;
}

static BtValue type_getattribute_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                        BtTuple *kwnames) {
    if (!bt_check_args(t, "__getattribute__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[0]);
    return name ? type_getattr(t, self, name) : BT_UNDEF;
}

/* C.__name__, C.__qualname__ or C.__module__ = v on a class: what its repr
 * and its instances' reprs show. The first two must be strs, and none of
 * the three can be deleted (CPython's TypeErrors); v BT_UNDEF deletes. */
static bool set_naming_attr(BtThread *t, BtType *ty, BtStr *name, BtValue v) {
    BtInterp *in = t->interp;
    bool naming = name == in->names.dunder_name || name == in->names.dunder_qualname;
    if (bt_is_undef(v)) {
        if (naming || name == in->names.dunder_module) {
            bt_raise(t, BT_EXC(t, TypeError), "cannot delete '%S' attribute of immutable type '%S'",
                     name, ty->name);
            return false;
        }
        return true;
    }
    if (naming && !bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "can only assign string to %S.%S, not '%s'",
                 ty->name, name, bt_type_name(t, v));
        return false;
    }
    if (name == in->names.dunder_name)
        ty->name = bt_as_str(v);
    else if (name == in->names.dunder_qualname)
        ty->qualname = bt_as_str(v);
    else if (name == in->names.dunder_module) /* not a str: reprs show the bare qualname */
        ty->module = bt_is_str(t, v) ? bt_as_str(v) : NULL;
    return true;
}

static bool type_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtType *ty = (BtType *)bt_as_obj(self);
    t->interp->type_epoch++;
    if (name == BT_NAME(t, dunder_setattr) || name == BT_NAME(t, dunder_delattr))
        ty->flags |= BT_TYPE_CUSTOM_SETATTR;
    if ((ty->flags & BT_TYPE_HEAPTYPE) && bt_descr_is_data(t, v)) {
        /* Subclasses made before this keep their fast paths (a known gap). */
        ty->flags |= BT_TYPE_DATA_DESCRIPTORS;
        if (!ty->getattr)
            ty->getattr = bt_generic_getattr;
    }
    if (!(ty->flags & BT_TYPE_HEAPTYPE)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "cannot set '%S' attribute of immutable type '%S'", name, ty->name);
        return false;
    }
    if (!set_naming_attr(t, ty, name, v))
        return false;
    if (name == BT_NAME(t, dunder_name) || name == BT_NAME(t, dunder_qualname))
        return true; /* kept in the type, not in its dict */
    if (bt_is_undef(v)) {
        int r = bt_dict_del(t, ty->dict, bt_obj(name));
        if (r == 0)
            bt_raise(t, BT_EXC(t, AttributeError), "type object '%S' has no attribute '%S'",
                     ty->name, name);
        return r > 0;
    }
    return bt_dict_set_str(t, ty->dict, name, v);
}

static BtValue type_mro(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "mro", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtTuple *mro = ((BtType *)bt_as_obj(self))->mro;
    return bt_obj(bt_list_from(t, mro->items, mro->len));
}

/* type.__setattr__(cls, name, v) / __delattr__(cls, name), for a metaclass's
 * own __setattr__ to end at through super(). */
static BtValue type_setattr_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    bool del = nargs == 1;
    if (!bt_check_args(t, del ? "__delattr__" : "__setattr__", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[0]);
    return name && type_setattr(t, self, name, del ? BT_UNDEF : args[1]) ? BT_NONE : BT_UNDEF;
}

static const BtNativeDef type_methods[] = {
    {"mro", type_mro},
    {"__init__", type_init_method},
    {"__call__", type_call_method},
    {"__instancecheck__", type_instancecheck},
    {"__subclasscheck__", type_subclasscheck},
    {"__getattribute__", type_getattribute_method},
    {"__setattr__", type_setattr_method},
    {"__delattr__", type_setattr_method},
    {NULL, NULL},
};

bool bt_type_init_type(BtThread *t) {
    BtType *ty = BT_TYPE(t, type);
    ty->instance_size = sizeof(BtType);
    ty->flags |= BT_TYPE_BASETYPE; /* class M(type): a metaclass */
    ty->trace = type_trace;
    ty->repr = type_repr;
    ty->call = type_call;
    ty->getattr = type_getattr;
    ty->setattr = type_setattr;
    return bt_type_add_methods(t, ty, type_methods) &&
           bt_type_add_static(t, ty, "__new__", type_new_method, false) &&
           bt_type_add_static(t, ty, "__prepare__", type_prepare, true);
}
