/* container_internal.h: helpers shared by the container types (vm stage; internal to vm/).
 *
 * list.c, dict.c, range.c and iter.c share CPython's argument-count messages
 * for methods, a growable text buffer for reprs, the repr recursion guard
 * and the lexicographic comparison of value arrays. Nothing outside vm/
 * includes this.
 */
#ifndef BT_CONTAINER_INTERNAL_H
#define BT_CONTAINER_INTERNAL_H

#include "vm/exc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/object.h"

/* hdr.flags bit of a list, tuple, dict or set whose repr is being built:
 * a nested repr of the same object prints "[...]" instead of recursing. */
#define BT_FLAG_REPR_ACTIVE 0x80

/* Positional arguments come first in args[0..nargs); keyword values follow. */
static inline int bt_kwcount(BtTuple *kwnames) {
    return kwnames ? (int)kwnames->len : 0;
}

/* "list.copy() takes no arguments (1 given)"; qual is "list.copy". */
bool bt_args_none(BtThread *t, const char *qual, int nargs, BtTuple *kwnames);
/* "list.append() takes exactly one argument (0 given)". */
bool bt_args_one(BtThread *t, const char *qual, int nargs, BtTuple *kwnames);
/* "pop expected at most 1 argument, got 2" (name is the bare method name;
 * qual names it for "list.pop() takes no keyword arguments"). */
bool bt_args_range(BtThread *t, const char *qual, const char *name, int nargs,
                   BtTuple *kwnames, int min, int max);

/* A growable UTF-8 buffer for building reprs. */
typedef struct {
    char *data;
    size_t len, cap;
} BtReprBuf;

bool bt_reprbuf_put(BtThread *t, BtReprBuf *b, const char *s, size_t n);
static inline bool bt_reprbuf_puts(BtThread *t, BtReprBuf *b, const char *s) {
    return bt_reprbuf_put(t, b, s, __builtin_strlen(s));
}
/* Append repr(v) (fast for ints and strs). */
bool bt_reprbuf_repr(BtThread *t, BtReprBuf *b, BtValue v);
/* The buffer as a new str; frees the buffer (also on failure). */
BtValue bt_reprbuf_finish(BtThread *t, BtReprBuf *b);
void bt_reprbuf_free(BtReprBuf *b);
/* A str from a C string, as a value (BT_UNDEF on failure). */
BtValue bt_cstr_value(BtThread *t, const char *s);

/* Lexicographic rich comparison of two lists or two tuples (a and b of the
 * same kind). Items are re-read after every call out, as a user __eq__ may
 * resize a list. */
BtValue bt_seq_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op);

/* The int an index-like value stands for: 1 with *out set (ints, bools and
 * objects with __index__; a big int clamped to INT64_MIN or INT64_MAX, as
 * slice bounds are), 0 when v is not index-like (nothing raised), -1 when
 * __index__ raised. */
int bt_index_of(BtThread *t, BtValue v, int64_t *out);
/* bt_index_of that raises "'str' object cannot be interpreted as an integer". */
bool bt_index_or_raise(BtThread *t, BtValue v, int64_t *out);

/* The NotImplemented singleton, for declining slots. */
static inline BtValue bt_not_implemented(BtThread *t) {
    return bt_obj(t->interp->not_implemented);
}
/* Does the heap (user) type of v define the dunder `name`? Builtin types never do. */
bool bt_user_defines(BtThread *t, BtValue v, BtStr *name);
/* Raise KeyError(key): str(e) is then repr(key), as in CPython. */
void bt_raise_key_error(BtThread *t, BtValue key);

/* Add __getitem__, __setitem__, __delitem__, __len__, __contains__ and
 * __iter__ methods for the slots a container type has (set them first). */
bool bt_add_container_dunders(BtThread *t, BtType *type);
/* Set up seq_iter and callable_iter (called by bt_range_init_types). */
bool bt_iter_init_types(BtThread *t);

#endif
