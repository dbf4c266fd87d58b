/* match.c: the object side of the match statement (vm stage; see match.h).
 *
 * Everything here follows CPython 3.11's ceval.c (match_keys, match_class): the
 * same lookups in the same order, so a class that prints from its properties or
 * its get() shows the same calls.
 */
#include <stdlib.h>

#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/match.h"
#include "vm/str.h"

bool bt_match_is_mapping(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_isinstance(t, v, BT_TYPE(t, dict));
}

bool bt_match_is_sequence(BtThread *t, BtValue v) {
    if (!bt_is_obj(v))
        return false;
    BtType *seqs[] = {BT_TYPE(t, list), BT_TYPE(t, tuple), BT_TYPE(t, range),
                      BT_TYPE(t, memoryview), BT_TYPE(t, deque), BT_TYPE(t, array)};
    for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
        if (bt_isinstance(t, v, seqs[i]))
            return true;
    return false;
}

/* Index of the first item of items[0..n) equal to v, or -1; -2 when == raised. */
static int find_equal(BtThread *t, const BtValue *items, size_t n, BtValue v) {
    for (size_t i = 0; i < n; i++) {
        int eq = bt_equal(t, items[i], v);
        if (eq)
            return eq < 0 ? -2 : (int)i;
    }
    return -1;
}

BtValue bt_match_keys(BtThread *t, BtValue map, BtValue keys) {
    BtTuple *k = bt_as_tuple(keys);
    BtTuple *values = bt_tuple_new(t, k->len);
    if (!values || k->len == 0)
        return values ? bt_obj(values) : BT_UNDEF;
    BtValue result = bt_obj(values), get = BT_UNDEF, sentinel = BT_UNDEF;
    BT_PUSH_ROOT(t, &result);
    BT_PUSH_ROOT(t, &get);
    BT_PUSH_ROOT(t, &sentinel);
    BtStr *get_name = bt_str_intern_cstr(t, "get");
    get = get_name ? bt_getattr(t, map, get_name) : BT_UNDEF;
    /* A fresh object() tells a missing key from any value the mapping could hold. */
    if (!bt_is_undef(get))
        sentinel = bt_call(t, bt_obj(BT_TYPE(t, object)), NULL, 0, NULL);
    if (bt_is_undef(sentinel))
        result = BT_UNDEF;
    for (size_t i = 0; i < k->len && !bt_is_undef(result) && !bt_is_none(result); i++) {
        int dup = find_equal(t, k->items, i, k->items[i]);
        if (dup != -1) {
            if (dup >= 0)
                bt_raise(t, BT_EXC(t, ValueError), "mapping pattern checks duplicate key (%R)",
                         k->items[i]);
            result = BT_UNDEF;
            break;
        }
        BtValue args[2] = {k->items[i], sentinel};
        BtValue v = bt_call(t, get, args, 2, NULL);
        if (bt_is_undef(v))
            result = BT_UNDEF;
        else if (bt_is_obj(v) && bt_is_obj(sentinel) && bt_as_obj(v) == bt_as_obj(sentinel))
            result = BT_NONE; /* the key is missing: no match */
        else
            values->items[i] = v;
    }
    BT_POP_ROOT(t, 3);
    return result;
}

/* int(x), str(s), ...: the built-ins whose one positional sub-pattern matches the
 * subject itself (CPython's _Py_TPFLAGS_MATCH_SELF), and their subclasses. */
static bool matches_self(BtThread *t, BtType *cls) {
    BtType *selfs[] = {BT_TYPE(t, bool_),     BT_TYPE(t, bytearray), BT_TYPE(t, bytes),
                       BT_TYPE(t, dict),      BT_TYPE(t, float_),    BT_TYPE(t, frozenset),
                       BT_TYPE(t, int_),      BT_TYPE(t, list),      BT_TYPE(t, set),
                       BT_TYPE(t, str),       BT_TYPE(t, tuple)};
    for (size_t i = 0; i < sizeof selfs / sizeof selfs[0]; i++)
        if (bt_issubtype(cls, selfs[i]))
            return true;
    return false;
}

/* subject.name into *out for sub-pattern number i (names[first..i) came before): false
 * with TypeError raised for a name given twice, false with nothing raised when the
 * attribute is missing, false with its exception when getting it raised. */
static bool match_attr(BtThread *t, BtValue subject, BtType *cls, BtStr **names, size_t first,
                       size_t i, BtValue *out) {
    for (size_t j = first; j < i; j++) {
        if (bt_str_equal(names[j], names[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "%S() got multiple sub-patterns for attribute %R",
                     cls->name, bt_obj(names[i]));
            return false;
        }
    }
    *out = bt_getattr_opt(t, subject, names[i]);
    return !bt_is_undef(*out);
}

/* The names of the positional sub-patterns (from __match_args__) into names[0..nargs),
 * or *self_match when cls matches itself; false with TypeError raised. */
static bool positional_names(BtThread *t, BtType *cls, uint32_t nargs, BtValue *match_args,
                             BtStr **names, bool *self_match) {
    BtStr *dunder = bt_str_intern_cstr(t, "__match_args__");
    if (!dunder)
        return false;
    *match_args = bt_getattr_opt(t, bt_obj(cls), dunder);
    if (bt_has_exc(t))
        return false;
    size_t allowed = 0;
    if (bt_is_undef(*match_args)) {
        *self_match = matches_self(t, cls);
        allowed = *self_match;
    } else if (!bt_is_tuple(t, *match_args)) {
        bt_raise(t, BT_EXC(t, TypeError), "%S.__match_args__ must be a tuple (got %T)", cls->name,
                 *match_args);
        return false;
    } else {
        allowed = bt_as_tuple(*match_args)->len;
    }
    if (allowed < nargs) {
        bt_raise(t, BT_EXC(t, TypeError), "%S() accepts %d positional sub-pattern%s (%d given)",
                 cls->name, (int)allowed, allowed == 1 ? "" : "s", (int)nargs);
        return false;
    }
    for (uint32_t i = 0; i < nargs && !*self_match; i++) {
        BtValue name = bt_as_tuple(*match_args)->items[i];
        if (!bt_is_str(t, name)) {
            bt_raise(t, BT_EXC(t, TypeError), "__match_args__ elements must be strings (got %T)",
                     name);
            return false;
        }
        names[i] = bt_as_str(name);
    }
    return true;
}

BtValue bt_match_class(BtThread *t, BtValue subject, BtValue cls_value, uint32_t nargs,
                       BtValue kwnames) {
    if (!bt_is_obj(cls_value) || !bt_isinstance(t, cls_value, BT_TYPE(t, type))) {
        bt_raise(t, BT_EXC(t, TypeError), "called match pattern must be a type");
        return BT_UNDEF;
    }
    BtType *cls = (BtType *)bt_as_obj(cls_value);
    if (!bt_isinstance(t, subject, cls))
        return BT_NONE;
    BtTuple *kw = bt_as_tuple(kwnames);
    size_t total = nargs + kw->len;
    BtStr **names = malloc((total ? total : 1) * sizeof *names);
    BtTuple *attrs = names ? bt_tuple_new(t, total) : NULL;
    if (!attrs) {
        if (!names)
            bt_raise_memory(t);
        free(names);
        return BT_UNDEF;
    }
    BtValue result = bt_obj(attrs), match_args = BT_UNDEF;
    BT_PUSH_ROOT(t, &result);
    BT_PUSH_ROOT(t, &match_args);
    bool self_match = false;
    size_t i = 0;
    if (nargs && !positional_names(t, cls, nargs, &match_args, names, &self_match))
        result = BT_UNDEF;
    if (self_match)
        attrs->items[i++] = subject;
    for (size_t k = 0; k < kw->len; k++)
        names[nargs + k] = bt_as_str(kw->items[k]);
    size_t first = self_match ? nargs : 0; /* the subject itself has no name */
    for (i = first; i < total && !bt_is_undef(result); i++)
        if (!match_attr(t, subject, cls, names, first, i, &attrs->items[i]))
            result = bt_has_exc(t) ? BT_UNDEF : BT_NONE;
    BT_POP_ROOT(t, 2);
    free(names);
    return bt_is_none(result) ? BT_NONE : result;
}
