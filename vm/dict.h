/* dict.h: dict and set (vm stage; see vm/README.md).
 *
 * Insertion-ordered hash tables in the compact layout: a dense array of
 * entries in insertion order plus a sparse open-addressing index into it.
 * Deleting leaves a tombstone entry, compacted on the next resize. Lookups
 * by interned str compare pointers first, so attribute and global lookups
 * rarely call __eq__. Sets use CPython's own table layout (see BtSet).
 */
#ifndef BT_DICT_H
#define BT_DICT_H

#include "vm/interp.h"
#include "vm/object.h"
#include "vm/str.h"

typedef struct {
    int64_t hash;
    BtValue key;   /* BT_UNDEF for a deleted entry */
    BtValue value;
} BtDictEntry;

struct BtDict {
    BtObject hdr;
    size_t len;           /* live entries */
    size_t used;          /* entries[] slots used, live or deleted */
    size_t cap;           /* entries[] capacity */
    size_t index_size;    /* power of two; 0 while there is no index */
    int32_t *index;       /* -1 empty, -2 deleted, else position in entries */
    BtDictEntry *entries; /* in insertion order */
    uint64_t version;     /* bumped on every change (iterators detect resizing) */
};

/* A set (and frozenset) is its own open-addressing table, laid out and
 * probed like CPython's setobject.c, because Python code sees a set's
 * iteration order ({3, 1, 2} prints {1, 2, 3}) and Baton must print what
 * CPython prints. */
typedef struct {
    int64_t hash; /* with key BT_UNDEF: 0 never used, -1 deleted */
    BtValue key;
} BtSetEntry;

#define BT_SET_MINSIZE 8

typedef struct {
    BtObject hdr;      /* type is set or frozenset */
    size_t fill;       /* active plus deleted slots */
    size_t used;       /* active slots: len() */
    size_t mask;       /* slots - 1; slots is a power of two >= BT_SET_MINSIZE */
    BtSetEntry *table; /* `small` or a malloc'ed array (accounted to the GC) */
    size_t finger;     /* where pop() looks next */
    int64_t hash;      /* frozenset: cached hash, -1 until computed */
    BtSetEntry small[BT_SET_MINSIZE];
} BtSet;

/* A view of a dict: dict_keys, dict_values or dict_items (by its type). */
typedef struct {
    BtObject hdr;
    BtDict *dict;
} BtDictView;

/* A dict, or an instance of a class derived from dict (same C layout). */
static inline bool bt_is_dict(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type->native == t->interp->types.dict;
}
static inline BtDict *bt_as_dict(BtValue v) {
    return (BtDict *)bt_as_obj(v);
}

BtDict *bt_dict_new(BtThread *t);
/* d[key]; BT_UNDEF with NO exception when absent, BT_UNDEF with one set when
 * hashing or __eq__ raised (check t->exc). */
BtValue bt_dict_get(BtThread *t, BtDict *d, BtValue key);
/* Lookup by str key without raising (strings never raise in __eq__/hash). */
BtValue bt_dict_get_str(BtDict *d, BtStr *key);
/* A quick look for key in its first index slot only, for hot paths:
 * 1 found (*out set), 0 certainly absent, -1 unknown (use bt_dict_get_str). */
static inline int bt_dict_peek_str(const BtDict *d, const BtStr *key, BtValue *out) {
    int64_t hash = key->hash;
    if (!d->index || hash == -1)
        return -1;
    int32_t ix = d->index[(size_t)hash & (d->index_size - 1)];
    if (ix == -1)
        return 0;
    if (ix >= 0 && bt_as_obj(d->entries[ix].key) == &key->hdr &&
        bt_is_obj(d->entries[ix].key)) {
        *out = d->entries[ix].value;
        return 1;
    }
    return -1;
}
bool bt_dict_set(BtThread *t, BtDict *d, BtValue key, BtValue value);
bool bt_dict_set_str(BtThread *t, BtDict *d, BtStr *key, BtValue value);
/* Remove key; returns 1 removed, 0 absent (no exception), -1 raised. */
int bt_dict_del(BtThread *t, BtDict *d, BtValue key);
/* Iterate: *pos starts at 0; returns false at the end. */
bool bt_dict_next(BtDict *d, size_t *pos, BtValue *key, BtValue *value);
BtDict *bt_dict_copy(BtThread *t, BtDict *d);
/* d.update(other) for a dict or any mapping/iterable of pairs. */
bool bt_dict_update(BtThread *t, BtDict *d, BtValue other);

BtSet *bt_set_new(BtThread *t, BtType *type); /* set or frozenset */
/* 1 added, 0 already present, -1 raised. */
int bt_set_add(BtThread *t, BtSet *s, BtValue key);
int bt_set_contains(BtThread *t, BtSet *s, BtValue key);
/* 1 removed, 0 absent, -1 raised. */
int bt_set_discard(BtThread *t, BtSet *s, BtValue key);
/* Add every item of an iterable (set.update). */
bool bt_set_update(BtThread *t, BtSet *s, BtValue iterable);
/* Iterate a set: *pos starts at 0; false at the end. */
bool bt_set_next(BtSet *s, size_t *pos, BtValue *key);
static inline bool bt_is_anyset(BtThread *t, BtValue v) {
    return bt_is_obj(v) &&
           (bt_as_obj(v)->type == t->interp->types.set || bt_as_obj(v)->type == t->interp->types.frozenset);
}

/* Set up dict, set, frozenset, the views and their iterators. */
bool bt_dict_init_types(BtThread *t);

#endif
