/* dict.c: dict, its views and iterators, set and frozenset (vm stage; see vm/README.md).
 *
 * Design notes.
 * - A dict is the compact ordered table of dict.h: entries in insertion
 *   order plus an int32 index probed with CPython's perturbed sequence.
 *   The table grows (or compacts away tombstones) when the entries array is
 *   full; its usable size is 2/3 of the index.
 * - Lookups compare the key by identity, then strs by bytes and ints by
 *   value; only other keys call __eq__. That call may change the dict, so
 *   the lookup restarts when the dict's version moved.
 * - Sets follow CPython's setobject.c table (linear probes inside a
 *   perturbed sequence, the same sizes and resize points), because their
 *   iteration order is visible: {3, 1, 2} must print as {1, 2, 3}.
 * - Iterators remember the size they started with and raise RuntimeError
 *   when it changes, as CPython does.
 */
#include <stdlib.h>
#include <string.h>

#include "vm/container_internal.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

#define IX_EMPTY (-1)
#define IX_DUMMY (-2)
#define DICT_MIN_INDEX 8
#define PERTURB_SHIFT 5
/* Lookup results besides an entry position. */
#define LOOKUP_ABSENT (-1)
#define LOOKUP_ERROR (-2)

typedef struct {
    BtObject hdr;
    BtObject *container; /* the BtDict or BtSet; NULL once exhausted */
    size_t pos;          /* next entry (dict) or slot (set) to look at */
    size_t size;         /* the container's size when iteration began */
    size_t remaining;    /* items still expected */
} BtDictIter;

static inline bool is_str(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, str);
}

/* hash(key), with the common kinds inline. */
static inline bool key_hash(BtThread *t, BtValue key, int64_t *h) {
    switch (bt_kind(key)) {
    case BT_V_INT:
        *h = bt_int_hash(bt_as_i64(key));
        return true;
    case BT_V_OBJ:
        if (bt_as_obj(key)->type == BT_TYPE(t, str)) {
            *h = bt_str_hash((BtStr *)bt_as_obj(key));
            return true;
        }
        break;
    default:
        break;
    }
    return bt_hash(t, key, h);
}

/* Keys with equal hashes: 1 equal, 0 not, 2 ask bt_equal (it may run user code). */
static inline int keys_match(BtThread *t, BtValue a, BtValue b) {
    if (bt_same(a, b))
        return 1;
    if (bt_kind(a) != bt_kind(b))
        return 2;
    switch (bt_kind(a)) {
    case BT_V_OBJ:
        if (bt_as_obj(a)->type == BT_TYPE(t, str) && bt_as_obj(b)->type == BT_TYPE(t, str))
            return bt_str_equal((BtStr *)bt_as_obj(a), (BtStr *)bt_as_obj(b));
        return 2;
    default:
        return 0; /* same immediate kind, not identical: different values */
    }
}

/* ---- the dict table ---- */

static inline size_t dict_usable(size_t index_size) {
    return index_size * 2 / 3;
}

/* Equality of two strs known to have equal hashes. */
static inline bool str_eq_hashed(const BtStr *a, const BtStr *b) {
    return a->size == b->size && !(a->hdr.flags & b->hdr.flags & BT_STR_INTERNED) &&
           memcmp(a->data, b->data, a->size) == 0;
}

/* str_eq_hashed for the short strs keys mostly are, as two overlapping
 * loads a side and no call: 1 equal, 0 not, -1 too long or short to say. */
static inline int str_eq_quick(const BtStr *a, const BtStr *b) {
    size_t n = a->size;
    if (n != b->size || (a->hdr.flags & b->hdr.flags & BT_STR_INTERNED))
        return 0;
    if (n >= 8 && n <= 16) {
        uint64_t x0, x1, y0, y1;
        memcpy(&x0, a->data, 8);
        memcpy(&y0, b->data, 8);
        memcpy(&x1, a->data + n - 8, 8);
        memcpy(&y1, b->data + n - 8, 8);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    if (n >= 4 && n < 8) {
        uint32_t x0, x1, y0, y1;
        memcpy(&x0, a->data, 4);
        memcpy(&y0, b->data, 4);
        memcpy(&x1, a->data + n - 4, 4);
        memcpy(&y1, b->data + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    return -1;
}

/* Find key: its entry position (*slot its index slot), LOOKUP_ABSENT or LOOKUP_ERROR. */
static int64_t dict_lookup_generic(BtThread *t, BtDict *d, BtValue key, int64_t hash,
                                   size_t *slot) {
restart:
    if (!d->index)
        return LOOKUP_ABSENT;
    size_t mask = d->index_size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return LOOKUP_ABSENT;
        if (ix >= 0) {
            BtDictEntry *e = &d->entries[ix];
            if (e->hash == hash) {
                int m = keys_match(t, e->key, key);
                if (m == 2) {
                    uint64_t version = d->version;
                    m = bt_equal(t, e->key, key);
                    if (m < 0)
                        return LOOKUP_ERROR;
                    if (d->version != version)
                        goto restart;
                }
                if (m) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* dict_lookup for an exact str key: no __eq__ can run while only strs are
 * compared. An entry with an equal hash whose key is not a str sends the
 * lookup down the generic path, which asks that key's __eq__. */
static __attribute__((noinline)) int64_t dict_lookup_str_full(BtThread *t, BtDict *d, BtStr *key,
                                                              int64_t hash, size_t *slot) {
    size_t mask = d->index_size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return LOOKUP_ABSENT;
        if (ix >= 0) {
            BtDictEntry *e = &d->entries[ix];
            if (bt_as_obj(e->key) == &key->hdr && bt_is_obj(e->key)) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                if (!bt_is_obj(e->key) || bt_as_obj(e->key)->type != key->hdr.type)
                    return dict_lookup_generic(t, d, bt_obj(key), hash, slot);
                if (str_eq_hashed((BtStr *)bt_as_obj(e->key), key)) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* The same, with the common cases in a loop that calls nothing (so saves no
 * registers); anything it cannot settle starts over in dict_lookup_str_full. */
static int64_t dict_lookup_str(BtThread *t, BtDict *d, BtStr *key, int64_t hash, size_t *slot) {
    if (!d->index)
        return LOOKUP_ABSENT;
    size_t mask = d->index_size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return LOOKUP_ABSENT;
        if (ix >= 0) {
            BtDictEntry *e = &d->entries[ix];
            if (bt_as_obj(e->key) == &key->hdr && bt_is_obj(e->key)) {
                *slot = i;
                return ix;
            }
            if (e->hash == hash) {
                int eq = bt_is_obj(e->key) && bt_as_obj(e->key)->type == key->hdr.type
                             ? str_eq_quick((BtStr *)bt_as_obj(e->key), key)
                             : -1;
                if (eq < 0)
                    return dict_lookup_str_full(t, d, key, hash, slot);
                if (eq) {
                    *slot = i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

static inline int64_t dict_lookup(BtThread *t, BtDict *d, BtValue key, int64_t hash,
                                  size_t *slot) {
    if (is_str(t, key))
        return dict_lookup_str(t, d, (BtStr *)bt_as_obj(key), hash, slot);
    return dict_lookup_generic(t, d, key, hash, slot);
}

/* The first index slot for hash that holds no live entry (the key is known absent). */
static size_t dict_free_slot(const int32_t *index, size_t size, int64_t hash) {
    size_t mask = size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    while (index[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

/* Rebuild with room for at least `need` live entries, dropping tombstones. */
static bool dict_resize(BtThread *t, BtDict *d, size_t need) {
    size_t want = need + need / 2, size = DICT_MIN_INDEX;
    if (want > ((size_t)1 << 30)) {
        bt_raise_memory(t);
        return false;
    }
    while (dict_usable(size) < want)
        size <<= 1;
    size_t cap = dict_usable(size);
    int32_t *index = malloc(size * sizeof(int32_t));
    BtDictEntry *entries = malloc(cap * sizeof(BtDictEntry));
    if (!index || !entries) {
        free(index);
        free(entries);
        bt_raise_memory(t);
        return false;
    }
    memset(index, 0xff, size * sizeof(int32_t)); /* every slot IX_EMPTY */
    size_t n = 0;
    for (size_t i = 0; i < d->used; i++) {
        BtDictEntry *e = &d->entries[i];
        if (bt_is_undef(e->key))
            continue;
        entries[n] = *e;
        index[dict_free_slot(index, size, e->hash)] = (int32_t)n;
        n++;
    }
    ptrdiff_t delta = (ptrdiff_t)(size * sizeof(int32_t) + cap * sizeof(BtDictEntry)) -
                      (ptrdiff_t)(d->index_size * sizeof(int32_t) + d->cap * sizeof(BtDictEntry));
    free(d->index);
    free(d->entries);
    d->index = index;
    d->entries = entries;
    d->index_size = size;
    d->cap = cap;
    d->used = n;
    d->version++;
    bt_gc_account(t, delta);
    return true;
}

/* Insert or replace: 1 added, 0 replaced, -1 raised. */
static int dict_insert(BtThread *t, BtDict *d, BtValue key, int64_t hash, BtValue value) {
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    if (ix == LOOKUP_ERROR)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        d->version++;
        return 0;
    }
    if (d->used == d->cap && !dict_resize(t, d, d->len + 1))
        return -1;
    size_t i = dict_free_slot(d->index, d->index_size, hash);
    d->index[i] = (int32_t)d->used;
    d->entries[d->used++] = (BtDictEntry){hash, key, value};
    d->len++;
    d->version++;
    return 1;
}

/* Remove the entry at position ix whose index slot is slot. */
static void dict_remove_at(BtDict *d, int64_t ix, size_t slot) {
    d->index[slot] = IX_DUMMY;
    d->entries[ix].key = BT_UNDEF;
    d->entries[ix].value = BT_UNDEF;
    d->len--;
    d->version++;
    if (d->len == 0) {
        /* Start over in place: a dict used as a queue stays small. */
        memset(d->index, 0xff, d->index_size * sizeof(int32_t));
        d->used = 0;
    }
}

BtDict *bt_dict_new(BtThread *t) {
    BtDict *d = bt_gc_alloc(t, BT_TYPE(t, dict), sizeof(BtDict));
    /* Versions start apart for every dict, so a cache keyed by (address,
     * version), like LOAD_GLOBAL's, never takes a new dict at a freed one's
     * address for it (a dict would need 2**32 changes to reach the next). */
    if (d)
        d->version = ++t->interp->dicts_made << 32;
    return d;
}

BtValue bt_dict_get(BtThread *t, BtDict *d, BtValue key) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return BT_UNDEF;
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    return ix >= 0 ? d->entries[ix].value : BT_UNDEF;
}

/* bt_dict_get_str in full: strs compared by content (no __eq__ runs; keys
 * of other types are skipped). Out of line so that bt_dict_get_str saves no
 * registers. */
static __attribute__((noinline)) BtValue get_str_slow(BtDict *d, BtStr *key) {
    if (!d->index)
        return BT_UNDEF;
    int64_t hash = bt_str_hash(key);
    size_t mask = d->index_size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return BT_UNDEF;
        if (ix >= 0) {
            const BtDictEntry *e = &d->entries[ix];
            if (bt_is_obj(e->key) &&
                (bt_as_obj(e->key) == &key->hdr ||
                 (e->hash == hash && bt_as_obj(e->key)->type == key->hdr.type &&
                  str_eq_hashed((BtStr *)bt_as_obj(e->key), key))))
                return e->value;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

BtValue bt_dict_get_str(BtDict *d, BtStr *key) {
    /* Attribute and global names are interned, so the key stored is usually
     * key itself: this loop compares pointers only and calls nothing, and
     * anything else (an equal hash on another object, no cached hash yet)
     * goes to the full lookup. */
    int64_t hash = key->hash;
    if (!d->index || hash == -1)
        return get_str_slow(d, key);
    size_t mask = d->index_size - 1, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        int32_t ix = d->index[i];
        if (ix == IX_EMPTY)
            return BT_UNDEF;
        if (ix >= 0) {
            const BtDictEntry *e = &d->entries[ix];
            if (bt_as_obj(e->key) == &key->hdr && bt_is_obj(e->key))
                return e->value;
            if (e->hash == hash)
                return get_str_slow(d, key);
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

bool bt_dict_set(BtThread *t, BtDict *d, BtValue key, BtValue value) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return false;
    return dict_insert(t, d, key, hash, value) >= 0;
}

bool bt_dict_set_str(BtThread *t, BtDict *d, BtStr *key, BtValue value) {
    return dict_insert(t, d, bt_obj(key), bt_str_hash(key), value) >= 0;
}

/* Remove key, handing back its value: 1 removed, 0 absent, -1 raised. */
static int dict_pop(BtThread *t, BtDict *d, BtValue key, BtValue *old) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return -1;
    size_t slot;
    int64_t ix = dict_lookup(t, d, key, hash, &slot);
    if (ix < 0)
        return ix == LOOKUP_ERROR ? -1 : 0;
    *old = d->entries[ix].value;
    dict_remove_at(d, ix, slot);
    return 1;
}

int bt_dict_del(BtThread *t, BtDict *d, BtValue key) {
    BtValue old;
    return dict_pop(t, d, key, &old);
}

bool bt_dict_next(BtDict *d, size_t *pos, BtValue *key, BtValue *value) {
    while (*pos < d->used) {
        BtDictEntry *e = &d->entries[(*pos)++];
        if (!bt_is_undef(e->key)) {
            *key = e->key;
            if (value)
                *value = e->value;
            return true;
        }
    }
    return false;
}

/* Copy every entry of src into d, reusing the stored hashes. */
static bool dict_merge(BtThread *t, BtDict *d, BtDict *src) {
    if (src == d)
        return true;
    if (d->len == 0 && src->len > 0) {
        /* Into an empty dict: the keys are distinct, so no lookups (no __eq__). */
        if (d->cap < src->len && !dict_resize(t, d, src->len))
            return false;
        for (size_t i = 0; i < src->used; i++) {
            BtDictEntry e = src->entries[i];
            if (bt_is_undef(e.key))
                continue;
            d->index[dict_free_slot(d->index, d->index_size, e.hash)] = (int32_t)d->used;
            d->entries[d->used++] = e;
            d->len++;
        }
        d->version++;
        return true;
    }
    for (size_t i = 0; i < src->used; i++) {
        BtDictEntry e = src->entries[i];
        if (bt_is_undef(e.key))
            continue;
        if (dict_insert(t, d, e.key, e.hash, e.value) < 0)
            return false;
    }
    return true;
}

BtDict *bt_dict_copy(BtThread *t, BtDict *d) {
    BtDict *c = bt_dict_new(t);
    if (!c)
        return NULL;
    if (d->len == 0)
        return c;
    BtValue cv = bt_obj(c);
    BT_PUSH_ROOT(t, &cv);
    bool ok = dict_resize(t, c, d->len) && dict_merge(t, c, d);
    BT_POP_ROOT(t, 1);
    return ok ? c : NULL;
}

/* d.update(iterable of pairs). */
static bool dict_update_pairs(BtThread *t, BtDict *d, BtValue iterable) {
    BtValue it = bt_iter(t, iterable), item = BT_NONE, pair = BT_NONE;
    if (bt_is_undef(it))
        return false;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &item);
    BT_PUSH_ROOT(t, &pair);
    bool ok = true;
    for (size_t n = 0;; n++) {
        item = bt_next(t, it);
        if (bt_is_undef(item)) {
            ok = !bt_has_exc(t);
            break;
        }
        BtValue *kv;
        size_t len;
        if (bt_is_tuple(t, item) || bt_is_list(t, item)) {
            pair = item;
        } else {
            pair = bt_iter(t, item); /* rooted while the list is made */
            if (bt_is_undef(pair)) {
                if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
                    bt_take_exc(t);
                    bt_raise(t, BT_EXC(t, TypeError),
                             "cannot convert dictionary update sequence element #%zu to a sequence",
                             n);
                }
                ok = false;
                break;
            }
            BtList *l = bt_list_from_iterable(t, pair);
            if (!l) {
                ok = false;
                break;
            }
            pair = bt_obj(l);
        }
        if (bt_is_tuple(t, pair)) {
            kv = bt_as_tuple(pair)->items;
            len = bt_as_tuple(pair)->len;
        } else {
            kv = bt_as_list(pair)->items;
            len = bt_as_list(pair)->len;
        }
        if (len != 2) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "dictionary update sequence element #%zu has length %zu; 2 is required", n,
                     len);
            ok = false;
            break;
        }
        if (!bt_dict_set(t, d, kv[0], kv[1])) {
            ok = false;
            break;
        }
    }
    BT_POP_ROOT(t, 3);
    return ok;
}

/* d.update(mapping) for a non-dict with keys(): d[k] = m[k] for k in m.keys(). */
static bool dict_update_mapping(BtThread *t, BtDict *d, BtValue m, BtValue keys_fn) {
    BtValue keys = bt_call(t, keys_fn, NULL, 0, NULL), it = BT_NONE, k = BT_NONE;
    if (bt_is_undef(keys))
        return false;
    BT_PUSH_ROOT(t, &keys);
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &k);
    bool ok = !bt_is_undef(it = bt_iter(t, keys));
    while (ok) {
        k = bt_next(t, it);
        if (bt_is_undef(k)) {
            ok = !bt_has_exc(t);
            break;
        }
        BtValue v = bt_getitem(t, m, k);
        ok = !bt_is_undef(v) && bt_dict_set(t, d, k, v);
    }
    BT_POP_ROOT(t, 3);
    return ok;
}

bool bt_dict_update(BtThread *t, BtDict *d, BtValue other) {
    if (bt_is_dict(t, other))
        return dict_merge(t, d, bt_as_dict(other));
    BtValue keys_fn = bt_getattr_opt(t, other, BT_NAME(t, keys));
    if (bt_is_undef(keys_fn)) {
        if (bt_has_exc(t))
            return false;
        return dict_update_pairs(t, d, other);
    }
    BT_PUSH_ROOT(t, &keys_fn);
    bool ok = dict_update_mapping(t, d, other, keys_fn);
    BT_POP_ROOT(t, 1);
    return ok;
}

/* d[name] = value for each keyword argument. */
static bool dict_update_kwargs(BtThread *t, BtDict *d, BtValue *values, BtTuple *kwnames) {
    for (int i = 0; i < bt_kwcount(kwnames); i++)
        if (!bt_dict_set(t, d, kwnames->items[i], values[i]))
            return false;
    return true;
}

/* ---- dict slots ---- */

static BtValue dict_repr(BtThread *t, BtValue self) {
    BtDict *d = bt_as_dict(self);
    if (d->len == 0)
        return bt_cstr_value(t, "{}");
    if (d->hdr.flags & BT_FLAG_REPR_ACTIVE)
        return bt_cstr_value(t, "{...}");
    d->hdr.flags |= BT_FLAG_REPR_ACTIVE;
    BtReprBuf b = {0};
    BtValue k = BT_NONE, v = BT_NONE;
    BT_PUSH_ROOT(t, &k);
    BT_PUSH_ROOT(t, &v);
    bool ok = bt_reprbuf_put(t, &b, "{", 1), first = true;
    for (size_t pos = 0; ok && bt_dict_next(d, &pos, &k, &v); first = false) {
        ok = (first || bt_reprbuf_put(t, &b, ", ", 2)) && bt_reprbuf_repr(t, &b, k) &&
             bt_reprbuf_put(t, &b, ": ", 2) && bt_reprbuf_repr(t, &b, v);
    }
    ok = ok && bt_reprbuf_put(t, &b, "}", 1);
    BT_POP_ROOT(t, 2);
    d->hdr.flags &= (uint8_t)~BT_FLAG_REPR_ACTIVE;
    if (!ok) {
        bt_reprbuf_free(&b);
        return BT_UNDEF;
    }
    return bt_reprbuf_finish(t, &b);
}

/* a == b for two dicts: 1, 0, -1 raised. */
static int dict_equal(BtThread *t, BtDict *a, BtDict *b) {
    if (a->len != b->len)
        return 0;
    BtValue k = BT_NONE, v = BT_NONE;
    BT_PUSH_ROOT(t, &k);
    BT_PUSH_ROOT(t, &v);
    int result = 1;
    for (size_t i = 0; i < a->used && result == 1; i++) {
        BtDictEntry *e = &a->entries[i];
        if (bt_is_undef(e->key))
            continue;
        k = e->key;
        v = e->value;
        size_t slot;
        int64_t ix = dict_lookup(t, b, k, e->hash, &slot);
        if (ix == LOOKUP_ERROR)
            result = -1;
        else if (ix < 0)
            result = 0;
        else
            result = bt_equal(t, v, b->entries[ix].value);
    }
    BT_POP_ROOT(t, 2);
    return result;
}

static BtValue dict_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!bt_is_dict(t, a) || !bt_is_dict(t, b) || (op != BT_COMPARE_EQ && op != BT_COMPARE_NE))
        return bt_not_implemented(t);
    int r = dict_equal(t, bt_as_dict(a), bt_as_dict(b));
    if (r < 0)
        return BT_UNDEF;
    return bt_bool((r == 1) == (op == BT_COMPARE_EQ));
}

static BtValue dict_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op == BT_BINOP_OR && bt_is_dict(t, a) && bt_is_dict(t, b)) {
        BtDict *c = bt_dict_copy(t, bt_as_dict(a));
        if (!c)
            return BT_UNDEF;
        BtValue cv = bt_obj(c);
        BT_PUSH_ROOT(t, &cv);
        bool ok = dict_merge(t, c, bt_as_dict(b));
        BT_POP_ROOT(t, 1);
        return ok ? cv : BT_UNDEF;
    }
    if (op == BT_BINOP_OR + BT_BINOP__COUNT && bt_is_dict(t, a))
        return bt_dict_update(t, bt_as_dict(a), b) ? a : BT_UNDEF;
    return bt_not_implemented(t);
}

static int64_t dict_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)bt_as_dict(self)->len;
}

static int dict_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_as_dict(self)->len != 0;
}

static BtValue dict_getitem(BtThread *t, BtValue self, BtValue key) {
    BtValue v = bt_dict_get(t, bt_as_dict(self), key);
    if (bt_is_undef(v) && !bt_has_exc(t))
        bt_raise_key_error(t, key);
    return v;
}

static bool dict_setitem(BtThread *t, BtValue self, BtValue key, BtValue v) {
    if (!bt_is_undef(v))
        return bt_dict_set(t, bt_as_dict(self), key, v);
    int r = bt_dict_del(t, bt_as_dict(self), key);
    if (r == 0)
        bt_raise_key_error(t, key);
    return r == 1;
}

static int dict_contains(BtThread *t, BtValue self, BtValue key) {
    BtValue v = bt_dict_get(t, bt_as_dict(self), key);
    if (bt_is_undef(v))
        return bt_has_exc(t) ? -1 : 0;
    return 1;
}

static BtValue dict_iter_new(BtThread *t, BtType *type, BtObject *container, size_t size) {
    BtDictIter *it = bt_gc_alloc(t, type, sizeof(BtDictIter));
    if (!it)
        return BT_UNDEF;
    it->container = container;
    it->size = it->remaining = size;
    return bt_obj(it);
}

static BtValue dict_iter(BtThread *t, BtValue self) {
    return dict_iter_new(t, BT_TYPE(t, dict_keyiter), bt_as_obj(self), bt_as_dict(self)->len);
}

static BtValue dict_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)type;
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "dict expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    BtDict *d = bt_dict_new(t);
    if (!d)
        return BT_UNDEF;
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    bool ok = (nargs == 0 || bt_dict_update(t, d, args[0])) &&
              dict_update_kwargs(t, d, args ? args + nargs : NULL, kwnames);
    BT_POP_ROOT(t, 1);
    return ok ? dv : BT_UNDEF;
}

static void dict_trace(BtGc *gc, BtObject *self) {
    BtDict *d = (BtDict *)self;
    if (!d->entries)
        return;
    for (size_t i = 0; i < d->used; i++) {
        bt_gc_mark(gc, d->entries[i].key);
        bt_gc_mark(gc, d->entries[i].value);
    }
}

static void dict_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    BtDict *d = (BtDict *)self;
    free(d->index);
    free(d->entries);
    d->index = NULL;
    d->entries = NULL;
}

/* ---- dict methods ---- */

static BtValue dict_get_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (!bt_args_range(t, "dict.get", "get", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue v = bt_dict_get(t, bt_as_dict(self), args[0]);
    if (bt_is_undef(v) && !bt_has_exc(t))
        return nargs > 1 ? args[1] : BT_NONE;
    return v;
}

static BtValue view_new(BtThread *t, BtType *type, BtValue dict) {
    BtDictView *v = bt_gc_alloc(t, type, sizeof(BtDictView));
    if (!v)
        return BT_UNDEF;
    v->dict = bt_as_dict(dict);
    return bt_obj(v);
}

static BtValue dict_keys_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.keys", nargs, kwnames))
        return BT_UNDEF;
    return view_new(t, BT_TYPE(t, dict_keys), self);
}

static BtValue dict_values_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.values", nargs, kwnames))
        return BT_UNDEF;
    return view_new(t, BT_TYPE(t, dict_values), self);
}

static BtValue dict_items_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.items", nargs, kwnames))
        return BT_UNDEF;
    return view_new(t, BT_TYPE(t, dict_items), self);
}

static BtValue dict_pop_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    if (!bt_args_range(t, "dict.pop", "pop", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue old;
    int r = dict_pop(t, bt_as_dict(self), args[0], &old);
    if (r == 1)
        return old;
    if (r == 0) {
        if (nargs > 1)
            return args[1];
        bt_raise_key_error(t, args[0]);
    }
    return BT_UNDEF;
}

static BtValue dict_setdefault_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    if (!bt_args_range(t, "dict.setdefault", "setdefault", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtDict *d = bt_as_dict(self);
    BtValue v = bt_dict_get(t, d, args[0]);
    if (!bt_is_undef(v))
        return v;
    if (bt_has_exc(t))
        return BT_UNDEF;
    BtValue dflt = nargs > 1 ? args[1] : BT_NONE;
    return bt_dict_set(t, d, args[0], dflt) ? dflt : BT_UNDEF;
}

static BtValue dict_update_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "update expected at most 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    BtDict *d = bt_as_dict(self);
    if (nargs == 1 && !bt_dict_update(t, d, args[0]))
        return BT_UNDEF;
    return dict_update_kwargs(t, d, args + nargs, kwnames) ? BT_NONE : BT_UNDEF;
}

static BtValue dict_copy_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.copy", nargs, kwnames))
        return BT_UNDEF;
    BtDict *c = bt_dict_copy(t, bt_as_dict(self));
    return c ? bt_obj(c) : BT_UNDEF;
}

static BtValue dict_clear_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.clear", nargs, kwnames))
        return BT_UNDEF;
    BtDict *d = bt_as_dict(self);
    bt_gc_account(t, -(ptrdiff_t)(d->index_size * sizeof(int32_t) + d->cap * sizeof(BtDictEntry)));
    free(d->index);
    free(d->entries);
    d->index = NULL;
    d->entries = NULL;
    d->index_size = d->cap = d->used = d->len = 0;
    d->version++;
    return BT_NONE;
}

static BtValue dict_popitem_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "dict.popitem", nargs, kwnames))
        return BT_UNDEF;
    BtDict *d = bt_as_dict(self);
    if (d->len == 0) {
        BtValue msg = bt_cstr_value(t, "popitem(): dictionary is empty");
        if (!bt_is_undef(msg))
            bt_raise_key_error(t, msg);
        return BT_UNDEF;
    }
    size_t i = d->used;
    while (bt_is_undef(d->entries[i - 1].key))
        i--;
    BtTuple *pair = bt_tuple_new(t, 2); /* allocating runs no Python code: d stays as is */
    if (!pair)
        return BT_UNDEF;
    BtDictEntry *e = &d->entries[i - 1];
    pair->items[0] = e->key;
    pair->items[1] = e->value;
    /* Find the index slot pointing at this entry along its hash's probe sequence. */
    size_t mask = d->index_size - 1;
    uint64_t perturb = (uint64_t)e->hash;
    size_t slot = (size_t)e->hash & mask;
    while (d->index[slot] != (int32_t)(i - 1)) {
        perturb >>= PERTURB_SHIFT;
        slot = (slot * 5 + perturb + 1) & mask;
    }
    dict_remove_at(d, (int64_t)(i - 1), slot);
    if (d->used == i)
        d->used = i - 1; /* LIFO popping does not pile up tombstones */
    return bt_obj(pair);
}

/* dict.fromkeys(iterable, value=None), a class method: cls(), then each key
 * set to value (through __setitem__ for a subclass that defines one). */
static BtValue dict_fromkeys(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "fromkeys", nargs - 1, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue value = nargs > 2 ? args[2] : BT_NONE;
    BtValue d = bt_call(t, args[0], NULL, 0, NULL);
    if (bt_is_undef(d))
        return BT_UNDEF;
    BtValue it = BT_UNDEF;
    BT_PUSH_ROOT(t, &d);
    BT_PUSH_ROOT(t, &it);
    it = bt_iter(t, args[1]);
    bool ok = !bt_is_undef(it);
    while (ok) {
        BtValue key = bt_next(t, it);
        if (bt_is_undef(key)) {
            ok = !bt_has_exc(t);
            break;
        }
        ok = bt_setitem(t, d, key, value);
    }
    BT_POP_ROOT(t, 2);
    return ok ? d : BT_UNDEF;
}

static const BtNativeDef dict_methods[] = {
    {"get", dict_get_m},     {"keys", dict_keys_m},   {"values", dict_values_m},
    {"items", dict_items_m}, {"pop", dict_pop_m},     {"setdefault", dict_setdefault_m},
    {"update", dict_update_m}, {"copy", dict_copy_m}, {"clear", dict_clear_m},
    {"popitem", dict_popitem_m}, {NULL, NULL},
};

/* ---- iterators over dicts ---- */

/* The next live entry, or NULL at the end (exception set if the dict changed). */
static BtDictEntry *dict_iter_advance(BtThread *t, BtDictIter *it) {
    BtDict *d = (BtDict *)it->container;
    if (!d)
        return NULL;
    if (d->len != it->size) {
        bt_raise(t, BT_EXC(t, RuntimeError), "dictionary changed size during iteration");
        it->size = (size_t)-1; /* keep raising */
        return NULL;
    }
    while (it->pos < d->used) {
        BtDictEntry *e = &d->entries[it->pos++];
        if (bt_is_undef(e->key))
            continue;
        if (it->remaining == 0) {
            bt_raise(t, BT_EXC(t, RuntimeError), "dictionary keys changed during iteration");
            it->container = NULL;
            return NULL;
        }
        it->remaining--;
        return e;
    }
    it->container = NULL;
    return NULL;
}

static BtValue dict_keyiter_next(BtThread *t, BtValue self) {
    BtDictEntry *e = dict_iter_advance(t, (BtDictIter *)bt_as_obj(self));
    return e ? e->key : BT_UNDEF;
}

static BtValue dict_valueiter_next(BtThread *t, BtValue self) {
    BtDictEntry *e = dict_iter_advance(t, (BtDictIter *)bt_as_obj(self));
    return e ? e->value : BT_UNDEF;
}

static BtValue dict_itemiter_next(BtThread *t, BtValue self) {
    BtDictEntry *e = dict_iter_advance(t, (BtDictIter *)bt_as_obj(self));
    if (!e)
        return BT_UNDEF;
    BtValue kv[2] = {e->key, e->value};
    BT_PUSH_ROOT(t, &kv[0]);
    BT_PUSH_ROOT(t, &kv[1]);
    BtTuple *pair = bt_tuple_from(t, kv, 2);
    BT_POP_ROOT(t, 2);
    return pair ? bt_obj(pair) : BT_UNDEF;
}

static void dict_iter_trace(BtGc *gc, BtObject *self) {
    BtDictIter *it = (BtDictIter *)self;
    if (it->container)
        bt_gc_mark_obj(gc, it->container);
}

/* ---- views ---- */

static BtDict *view_dict(BtValue v) {
    return ((BtDictView *)bt_as_obj(v))->dict;
}

static bool is_view(BtValue v, BtType *type) {
    return bt_is_obj(v) && bt_as_obj(v)->type == type;
}

static int64_t view_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)view_dict(self)->len;
}

static BtValue view_iter(BtThread *t, BtValue self) {
    BtType *vt = bt_as_obj(self)->type, *it;
    if (vt == BT_TYPE(t, dict_keys))
        it = BT_TYPE(t, dict_keyiter);
    else if (vt == BT_TYPE(t, dict_values))
        it = BT_TYPE(t, dict_valueiter);
    else
        it = BT_TYPE(t, dict_itemiter);
    BtDict *d = view_dict(self);
    return dict_iter_new(t, it, &d->hdr, d->len);
}

/* "dict_keys(['a'])": the type name around the list of what iteration gives. */
static BtValue view_repr(BtThread *t, BtValue self) {
    BtObject *o = bt_as_obj(self);
    if (o->flags & BT_FLAG_REPR_ACTIVE)
        return bt_cstr_value(t, "...");
    BtList *l = bt_list_from_iterable(t, self);
    if (!l)
        return BT_UNDEF;
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    o->flags |= BT_FLAG_REPR_ACTIVE;
    BtReprBuf b = {0};
    bool ok = bt_reprbuf_puts(t, &b, o->type->name->data) && bt_reprbuf_put(t, &b, "(", 1) &&
              bt_reprbuf_repr(t, &b, lv) && bt_reprbuf_put(t, &b, ")", 1);
    o->flags &= (uint8_t)~BT_FLAG_REPR_ACTIVE;
    BT_POP_ROOT(t, 1);
    if (!ok) {
        bt_reprbuf_free(&b);
        return BT_UNDEF;
    }
    return bt_reprbuf_finish(t, &b);
}

static int keys_contains(BtThread *t, BtValue self, BtValue key) {
    BtValue v = bt_dict_get(t, view_dict(self), key);
    if (bt_is_undef(v))
        return bt_has_exc(t) ? -1 : 0;
    return 1;
}

static int items_contains(BtThread *t, BtValue self, BtValue item) {
    if (!bt_is_tuple(t, item) || bt_as_tuple(item)->len != 2)
        return 0;
    BtTuple *pair = bt_as_tuple(item);
    BtValue v = bt_dict_get(t, view_dict(self), pair->items[0]);
    if (bt_is_undef(v))
        return bt_has_exc(t) ? -1 : 0;
    BT_PUSH_ROOT(t, &v);
    int r = bt_equal(t, v, pair->items[1]);
    BT_POP_ROOT(t, 1);
    return r;
}

static int values_contains(BtThread *t, BtValue self, BtValue item) {
    BtDict *d = view_dict(self);
    for (size_t i = 0; i < d->used; i++) {
        BtDictEntry *e = &d->entries[i];
        if (bt_is_undef(e->key))
            continue;
        int r = bt_equal(t, e->value, item);
        if (r != 0)
            return r;
    }
    return 0;
}

static void view_trace(BtGc *gc, BtObject *self) {
    BtDictView *v = (BtDictView *)self;
    if (v->dict)
        bt_gc_mark_obj(gc, &v->dict->hdr);
}

/* ---- sets: the table ---- */

#define LINEAR_PROBES 9
#define SET_DUMMY_HASH (-1)

static inline bool slot_active(const BtSetEntry *e) {
    return !bt_is_undef(e->key);
}
static inline bool slot_unused(const BtSetEntry *e) {
    return bt_is_undef(e->key) && e->hash == 0;
}

static void set_init_table(BtSet *s) {
    s->table = s->small;
    s->mask = BT_SET_MINSIZE - 1;
}

BtSet *bt_set_new(BtThread *t, BtType *type) {
    BtSet *s = bt_gc_alloc(t, type, sizeof(BtSet));
    if (!s)
        return NULL;
    set_init_table(s);
    s->hash = -1;
    return s;
}

/* The slot holding key, or the unused slot ending its probe sequence; NULL raised. */
static BtSetEntry *set_lookup(BtThread *t, BtSet *s, BtValue key, int64_t hash) {
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    for (;;) {
        BtSetEntry *e = &s->table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;;) {
            if (slot_unused(e))
                return e;
            if (e->hash == hash && slot_active(e)) {
                int m = keys_match(t, e->key, key);
                if (m == 2) {
                    BtSetEntry *table = s->table;
                    BtValue start = e->key;
                    m = bt_equal(t, start, key);
                    if (m < 0)
                        return NULL;
                    if (table != s->table || !bt_same(e->key, start))
                        goto restart;
                }
                if (m)
                    return e;
            }
            if (probes-- == 0)
                break;
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* Put key in a table known not to hold it and to have no deleted slots. */
static void set_insert_clean(BtSetEntry *table, size_t mask, BtValue key, int64_t hash) {
    size_t i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    BtSetEntry *e;
    for (;;) {
        e = &table[i];
        if (slot_unused(e))
            goto found;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (slot_unused(e))
                    goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found:
    e->key = key;
    e->hash = hash;
}

/* Rebuild with the smallest table over `minused` slots, in old-table order. */
static bool set_resize(BtThread *t, BtSet *s, size_t minused) {
    size_t size = BT_SET_MINSIZE;
    while (size <= minused) {
        if (size > ((size_t)1 << 40)) {
            bt_raise_memory(t);
            return false;
        }
        size <<= 1;
    }
    BtSetEntry *old = s->table, copy[BT_SET_MINSIZE];
    size_t oldsize = s->mask + 1;
    if (old == s->small) {
        memcpy(copy, s->small, sizeof copy);
        old = copy;
    }
    BtSetEntry *table;
    if (size == BT_SET_MINSIZE) {
        table = s->small;
    } else {
        table = malloc(size * sizeof(BtSetEntry));
        if (!table) {
            bt_raise_memory(t);
            return false;
        }
    }
    memset(table, 0, size * sizeof(BtSetEntry));
    for (size_t i = 0; i < oldsize; i++)
        if (slot_active(&old[i]))
            set_insert_clean(table, size - 1, old[i].key, old[i].hash);
    ptrdiff_t delta = (table == s->small ? 0 : (ptrdiff_t)(size * sizeof(BtSetEntry))) -
                      (s->table == s->small ? 0 : (ptrdiff_t)(oldsize * sizeof(BtSetEntry)));
    if (s->table != s->small)
        free(s->table);
    s->table = table;
    s->mask = size - 1;
    s->fill = s->used;
    bt_gc_account(t, delta);
    return true;
}

/* Add key with its hash: 1 added, 0 present, -1 raised. */
static int set_add_entry(BtThread *t, BtSet *s, BtValue key, int64_t hash) {
restart:;
    size_t mask = s->mask, i = (size_t)hash & mask;
    uint64_t perturb = (uint64_t)hash;
    BtSetEntry *freeslot = NULL;
    for (;;) {
        BtSetEntry *e = &s->table[i];
        size_t probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (;;) {
            if (slot_unused(e)) {
                if (freeslot) {
                    freeslot->key = key;
                    freeslot->hash = hash;
                    s->used++;
                    return 1;
                }
                e->key = key;
                e->hash = hash;
                s->used++;
                s->fill++;
                if (s->fill * 5 < mask * 3)
                    return 1;
                return set_resize(t, s, s->used > 50000 ? s->used * 2 : s->used * 4) ? 1 : -1;
            }
            if (e->hash == hash && slot_active(e)) {
                int m = keys_match(t, e->key, key);
                if (m == 2) {
                    BtSetEntry *table = s->table;
                    BtValue start = e->key;
                    m = bt_equal(t, start, key);
                    if (m < 0)
                        return -1;
                    if (table != s->table || !bt_same(e->key, start))
                        goto restart;
                }
                if (m)
                    return 0;
            } else if (!slot_active(e) && freeslot == NULL) {
                freeslot = e; /* a deleted slot: reuse it if the key is absent */
            }
            if (probes-- == 0)
                break;
            e++;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int bt_set_add(BtThread *t, BtSet *s, BtValue key) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return -1;
    return set_add_entry(t, s, key, hash);
}

static int set_contains_entry(BtThread *t, BtSet *s, BtValue key, int64_t hash) {
    BtSetEntry *e = set_lookup(t, s, key, hash);
    if (!e)
        return -1;
    return slot_active(e);
}

int bt_set_contains(BtThread *t, BtSet *s, BtValue key) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return -1;
    return set_contains_entry(t, s, key, hash);
}

static int set_discard_entry(BtThread *t, BtSet *s, BtValue key, int64_t hash) {
    BtSetEntry *e = set_lookup(t, s, key, hash);
    if (!e)
        return -1;
    if (!slot_active(e))
        return 0;
    e->key = BT_UNDEF;
    e->hash = SET_DUMMY_HASH;
    s->used--;
    return 1;
}

int bt_set_discard(BtThread *t, BtSet *s, BtValue key) {
    int64_t hash;
    if (!key_hash(t, key, &hash))
        return -1;
    return set_discard_entry(t, s, key, hash);
}

bool bt_set_next(BtSet *s, size_t *pos, BtValue *key) {
    while (*pos <= s->mask) {
        BtSetEntry *e = &s->table[(*pos)++];
        if (slot_active(e)) {
            *key = e->key;
            return true;
        }
    }
    return false;
}

static void set_clear_table(BtThread *t, BtSet *s) {
    if (s->table != s->small) {
        bt_gc_account(t, -(ptrdiff_t)((s->mask + 1) * sizeof(BtSetEntry)));
        free(s->table);
    }
    memset(s->small, 0, sizeof s->small);
    set_init_table(s);
    s->fill = s->used = 0;
}

/* Add every element of another set, as CPython's set_merge (same resulting order). */
static bool set_merge(BtThread *t, BtSet *s, BtSet *o) {
    if (o == s || o->used == 0)
        return true;
    if ((s->fill + o->used) * 5 >= s->mask * 3 && !set_resize(t, s, (s->used + o->used) * 2))
        return false;
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (size_t i = 0; i <= o->mask; i++)
            if (slot_active(&o->table[i]))
                s->table[i] = o->table[i];
        s->fill = s->used = o->used;
        return true;
    }
    if (s->fill == 0) {
        for (size_t i = 0; i <= o->mask; i++)
            if (slot_active(&o->table[i]))
                set_insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
        s->fill = s->used = o->used;
        return true;
    }
    for (size_t i = 0; i <= o->mask; i++) {
        BtSetEntry e = o->table[i];
        if (slot_active(&e) && set_add_entry(t, s, e.key, e.hash) < 0)
            return false;
    }
    return true;
}

bool bt_set_update(BtThread *t, BtSet *s, BtValue iterable) {
    if (bt_is_anyset(t, iterable))
        return set_merge(t, s, (BtSet *)bt_as_obj(iterable));
    if (bt_is_dict(t, iterable)) {
        BtDict *d = bt_as_dict(iterable);
        if ((s->fill + d->len) * 5 >= s->mask * 3 && !set_resize(t, s, (s->used + d->len) * 2))
            return false;
        for (size_t i = 0; i < d->used; i++) {
            BtDictEntry e = d->entries[i];
            if (!bt_is_undef(e.key) && set_add_entry(t, s, e.key, e.hash) < 0)
                return false;
        }
        return true;
    }
    BtValue it = bt_iter(t, iterable), key = BT_NONE;
    if (bt_is_undef(it))
        return false;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &key);
    bool ok = true;
    for (;;) {
        key = bt_next(t, it);
        if (bt_is_undef(key)) {
            ok = !bt_has_exc(t);
            break;
        }
        if (bt_set_add(t, s, key) < 0) {
            ok = false;
            break;
        }
    }
    BT_POP_ROOT(t, 2);
    return ok;
}

/* A new set of `type` holding the items of iterable (or nothing: BT_UNDEF). */
static BtSet *set_from(BtThread *t, BtType *type, BtValue iterable) {
    BtSet *s = bt_set_new(t, type);
    if (!s || bt_is_undef(iterable))
        return s;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    bool ok = bt_set_update(t, s, iterable);
    BT_POP_ROOT(t, 1);
    return ok ? s : NULL;
}

/* ---- set algebra (CPython's algorithms, for CPython's result order) ---- */

static BtSet *as_set(BtValue v) {
    return (BtSet *)bt_as_obj(v);
}

static BtSet *set_intersection(BtThread *t, BtSet *s, BtValue other) {
    BtSet *r = bt_set_new(t, s->hdr.type);
    if (!r)
        return NULL;
    BtValue rv = bt_obj(r), it = BT_NONE, key = BT_NONE;
    BT_PUSH_ROOT(t, &rv);
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &key);
    bool ok = true;
    if (bt_is_anyset(t, other)) {
        BtSet *a = s, *b = as_set(other);
        if (b->used > a->used) {
            BtSet *x = a;
            a = b;
            b = x;
        }
        for (size_t i = 0; ok && i <= b->mask; i++) {
            BtSetEntry e = b->table[i];
            if (!slot_active(&e))
                continue;
            key = e.key;
            int c = set_contains_entry(t, a, e.key, e.hash);
            ok = c >= 0 && (c == 0 || set_add_entry(t, r, e.key, e.hash) >= 0);
        }
    } else {
        ok = !bt_is_undef(it = bt_iter(t, other));
        while (ok) {
            key = bt_next(t, it);
            if (bt_is_undef(key)) {
                ok = !bt_has_exc(t);
                break;
            }
            int64_t hash;
            ok = key_hash(t, key, &hash);
            int c = ok ? set_contains_entry(t, s, key, hash) : -1;
            ok = c >= 0 && (c == 0 || set_add_entry(t, r, key, hash) >= 0);
        }
    }
    BT_POP_ROOT(t, 3);
    return ok ? r : NULL;
}

/* Remove from s every element of other. */
static bool set_difference_update(BtThread *t, BtSet *s, BtValue other) {
    if (bt_is_anyset(t, other)) {
        BtSet *o = as_set(other);
        if (o == s) {
            set_clear_table(t, s);
            return true;
        }
        for (size_t i = 0; i <= o->mask; i++) {
            BtSetEntry e = o->table[i];
            if (slot_active(&e) && set_discard_entry(t, s, e.key, e.hash) < 0)
                return false;
        }
        return true;
    }
    BtValue it = bt_iter(t, other), key = BT_NONE;
    if (bt_is_undef(it))
        return false;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &key);
    bool ok = true;
    for (;;) {
        key = bt_next(t, it);
        if (bt_is_undef(key)) {
            ok = !bt_has_exc(t);
            break;
        }
        if (bt_set_discard(t, s, key) < 0) {
            ok = false;
            break;
        }
    }
    BT_POP_ROOT(t, 2);
    return ok;
}

static BtSet *set_difference(BtThread *t, BtSet *s, BtValue other) {
    if (!bt_is_anyset(t, other) || (s->used >> 2) > as_set(other)->used) {
        BtSet *r = set_from(t, s->hdr.type, bt_obj(s));
        if (!r)
            return NULL;
        BtValue rv = bt_obj(r);
        BT_PUSH_ROOT(t, &rv);
        bool ok = set_difference_update(t, r, other);
        BT_POP_ROOT(t, 1);
        return ok ? r : NULL;
    }
    BtSet *o = as_set(other), *r = bt_set_new(t, s->hdr.type);
    if (!r)
        return NULL;
    BtValue rv = bt_obj(r);
    BT_PUSH_ROOT(t, &rv);
    bool ok = true;
    for (size_t i = 0; ok && i <= s->mask; i++) {
        BtSetEntry e = s->table[i];
        if (!slot_active(&e))
            continue;
        int c = set_contains_entry(t, o, e.key, e.hash);
        ok = c >= 0 && (c == 1 || set_add_entry(t, r, e.key, e.hash) >= 0);
    }
    BT_POP_ROOT(t, 1);
    return ok ? r : NULL;
}

static bool set_symmetric_difference_update(BtThread *t, BtSet *s, BtValue other) {
    BtValue ov = other;
    if (!bt_is_anyset(t, other)) {
        BtSet *o = set_from(t, s->hdr.type, other);
        if (!o)
            return false;
        ov = bt_obj(o);
    } else if (as_set(other) == s) {
        set_clear_table(t, s);
        return true;
    }
    BT_PUSH_ROOT(t, &ov);
    BtSet *o = as_set(ov);
    bool ok = true;
    for (size_t i = 0; ok && i <= o->mask; i++) {
        BtSetEntry e = o->table[i];
        if (!slot_active(&e))
            continue;
        int r = set_discard_entry(t, s, e.key, e.hash);
        ok = r >= 0 && (r == 1 || set_add_entry(t, s, e.key, e.hash) >= 0);
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

static BtSet *set_symmetric_difference(BtThread *t, BtSet *s, BtValue other) {
    BtSet *r = set_from(t, s->hdr.type, other);
    if (!r)
        return NULL;
    BtValue rv = bt_obj(r);
    BT_PUSH_ROOT(t, &rv);
    bool ok = set_symmetric_difference_update(t, r, bt_obj(s));
    BT_POP_ROOT(t, 1);
    return ok ? r : NULL;
}

/* Replace s's contents with r's (r is then empty and garbage). */
static void set_take_contents(BtSet *s, BtSet *r) {
    if (s->table != s->small)
        free(s->table);
    s->fill = r->fill;
    s->used = r->used;
    s->mask = r->mask;
    if (r->table == r->small) {
        memcpy(s->small, r->small, sizeof s->small);
        s->table = s->small;
    } else {
        s->table = r->table;
    }
    memset(r->small, 0, sizeof r->small);
    set_init_table(r);
    r->fill = r->used = 0;
}

/* Is every element of a in b? 1/0, -1 raised. */
static int set_issubset(BtThread *t, BtSet *a, BtSet *b) {
    if (a->used > b->used)
        return 0;
    for (size_t i = 0; i <= a->mask; i++) {
        BtSetEntry e = a->table[i];
        if (!slot_active(&e))
            continue;
        int c = set_contains_entry(t, b, e.key, e.hash);
        if (c <= 0)
            return c;
    }
    return 1;
}

/* ---- set slots ---- */

static BtValue set_repr(BtThread *t, BtValue self) {
    BtSet *s = as_set(self);
    bool frozen = bt_as_obj(self)->type == BT_TYPE(t, frozenset);
    const char *name = bt_as_obj(self)->type->name->data;
    BtReprBuf b = {0};
    if (s->used == 0) {
        bool ok = bt_reprbuf_puts(t, &b, name) && bt_reprbuf_put(t, &b, "()", 2);
        return ok ? bt_reprbuf_finish(t, &b) : (bt_reprbuf_free(&b), BT_UNDEF);
    }
    if (s->hdr.flags & BT_FLAG_REPR_ACTIVE) {
        bool ok = bt_reprbuf_puts(t, &b, name) && bt_reprbuf_put(t, &b, "(...)", 5);
        return ok ? bt_reprbuf_finish(t, &b) : (bt_reprbuf_free(&b), BT_UNDEF);
    }
    /* Snapshot the elements: a __repr__ may change the set. */
    BtList *l = bt_list_with_capacity(t, s->used);
    if (!l)
        return BT_UNDEF;
    BtValue key;
    for (size_t pos = 0; bt_set_next(s, &pos, &key);)
        l->items[l->len++] = key;
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    s->hdr.flags |= BT_FLAG_REPR_ACTIVE;
    bool ok = true;
    if (frozen)
        ok = bt_reprbuf_puts(t, &b, name) && bt_reprbuf_put(t, &b, "(", 1);
    ok = ok && bt_reprbuf_put(t, &b, "{", 1);
    for (size_t i = 0; ok && i < l->len; i++)
        ok = (i == 0 || bt_reprbuf_put(t, &b, ", ", 2)) && bt_reprbuf_repr(t, &b, l->items[i]);
    ok = ok && bt_reprbuf_put(t, &b, "}", 1) && (!frozen || bt_reprbuf_put(t, &b, ")", 1));
    s->hdr.flags &= (uint8_t)~BT_FLAG_REPR_ACTIVE;
    BT_POP_ROOT(t, 1);
    if (!ok) {
        bt_reprbuf_free(&b);
        return BT_UNDEF;
    }
    return bt_reprbuf_finish(t, &b);
}

static bool frozenset_hash(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    BtSet *s = as_set(self);
    if (s->hash != -1) {
        *out = s->hash;
        return true;
    }
    /* CPython's frozenset hash: order-independent xor of shuffled entry hashes. */
    uint64_t h = 0;
    for (size_t i = 0; i <= s->mask; i++) {
        if (!slot_active(&s->table[i]))
            continue;
        uint64_t eh = (uint64_t)s->table[i].hash;
        h ^= ((eh ^ 89869747ULL) ^ (eh << 16)) * 3644798167ULL;
    }
    h ^= ((uint64_t)s->used + 1) * 1927868237ULL;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069U + 907133923ULL;
    if (h == UINT64_MAX)
        h = 590923713ULL;
    s->hash = (int64_t)h;
    *out = s->hash;
    return true;
}

static BtValue set_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!bt_is_anyset(t, a) || !bt_is_anyset(t, b))
        return bt_not_implemented(t);
    BtSet *x = as_set(a), *y = as_set(b);
    int r;
    switch (op) {
    case BT_COMPARE_EQ:
    case BT_COMPARE_NE:
        r = x->used == y->used ? set_issubset(t, x, y) : 0;
        return r < 0 ? BT_UNDEF : bt_bool((r == 1) == (op == BT_COMPARE_EQ));
    case BT_COMPARE_LE:
        r = set_issubset(t, x, y);
        break;
    case BT_COMPARE_LT:
        r = x->used < y->used ? set_issubset(t, x, y) : 0;
        break;
    case BT_COMPARE_GE:
        r = set_issubset(t, y, x);
        break;
    case BT_COMPARE_GT:
        r = y->used < x->used ? set_issubset(t, y, x) : 0;
        break;
    default:
        return bt_not_implemented(t);
    }
    return r < 0 ? BT_UNDEF : bt_bool(r == 1);
}

/* a OP b for two sets (or a set and any iterable, for the named methods). */
static BtValue set_operate(BtThread *t, int op, BtSet *a, BtValue b) {
    BtSet *r = NULL;
    switch (op) {
    case BT_BINOP_OR:
        r = set_from(t, a->hdr.type, bt_obj(a));
        if (r) {
            BtValue rv = bt_obj(r);
            BT_PUSH_ROOT(t, &rv);
            bool ok = bt_set_update(t, r, b);
            BT_POP_ROOT(t, 1);
            if (!ok)
                r = NULL;
        }
        break;
    case BT_BINOP_AND:
        r = set_intersection(t, a, b);
        break;
    case BT_BINOP_SUB:
        r = set_difference(t, a, b);
        break;
    case BT_BINOP_XOR:
        r = set_symmetric_difference(t, a, b);
        break;
    }
    return r ? bt_obj(r) : BT_UNDEF;
}

/* In place: s OP= other. */
static bool set_operate_inplace(BtThread *t, int op, BtSet *s, BtValue other) {
    switch (op) {
    case BT_BINOP_OR:
        return bt_set_update(t, s, other);
    case BT_BINOP_SUB:
        return set_difference_update(t, s, other);
    case BT_BINOP_XOR:
        return set_symmetric_difference_update(t, s, other);
    case BT_BINOP_AND: {
        BtSet *r = set_intersection(t, s, other);
        if (!r)
            return false;
        set_take_contents(s, r);
        return true;
    }
    }
    return false;
}

static bool is_set_op(int op) {
    return op == BT_BINOP_OR || op == BT_BINOP_AND || op == BT_BINOP_SUB || op == BT_BINOP_XOR;
}

static BtValue set_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (!bt_is_anyset(t, a) || !bt_is_anyset(t, b))
        return bt_not_implemented(t);
    if (is_set_op(op))
        return set_operate(t, op, as_set(a), b);
    if (op >= BT_BINOP__COUNT && is_set_op(op - BT_BINOP__COUNT) &&
        bt_as_obj(a)->type == BT_TYPE(t, set))
        return set_operate_inplace(t, op - BT_BINOP__COUNT, as_set(a), b) ? a : BT_UNDEF;
    return bt_not_implemented(t);
}

static int64_t set_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)as_set(self)->used;
}

static int set_truth(BtThread *t, BtValue self) {
    (void)t;
    return as_set(self)->used != 0;
}

static int set_contains_slot(BtThread *t, BtValue self, BtValue key) {
    return bt_set_contains(t, as_set(self), key);
}

static BtValue set_iter(BtThread *t, BtValue self) {
    return dict_iter_new(t, BT_TYPE(t, set_iter), bt_as_obj(self), as_set(self)->used);
}

static BtValue set_iter_next(BtThread *t, BtValue self) {
    BtDictIter *it = (BtDictIter *)bt_as_obj(self);
    BtSet *s = (BtSet *)it->container;
    if (!s)
        return BT_UNDEF;
    if (s->used != it->size) {
        bt_raise(t, BT_EXC(t, RuntimeError), "Set changed size during iteration");
        it->size = (size_t)-1;
        return BT_UNDEF;
    }
    BtValue key;
    if (bt_set_next(s, &it->pos, &key))
        return key;
    it->container = NULL;
    return BT_UNDEF;
}

static BtValue set_construct_common(BtThread *t, BtType *type, const char *name, BtValue *args,
                                    int nargs, BtTuple *kwnames) {
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return BT_UNDEF;
    }
    if (nargs > 1) {
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at most 1 argument, got %d", name, nargs);
        return BT_UNDEF;
    }
    if (type == BT_TYPE(t, frozenset) && nargs == 1 && bt_is_obj(args[0]) &&
        bt_as_obj(args[0])->type == type)
        return args[0];
    BtSet *s = set_from(t, type, nargs ? args[0] : BT_UNDEF);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue set_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)type;
    return set_construct_common(t, BT_TYPE(t, set), "set", args, nargs, kwnames);
}

static BtValue frozenset_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)type;
    return set_construct_common(t, BT_TYPE(t, frozenset), "frozenset", args, nargs, kwnames);
}

static void set_trace(BtGc *gc, BtObject *self) {
    BtSet *s = (BtSet *)self;
    if (!s->table)
        return;
    for (size_t i = 0; i <= s->mask; i++)
        bt_gc_mark(gc, s->table[i].key);
}

static void set_finalize(BtInterp *interp, BtObject *self) {
    (void)interp;
    BtSet *s = (BtSet *)self;
    if (s->table && s->table != s->small)
        free(s->table);
    s->table = NULL;
}

/* ---- set methods ---- */

/* The method's name with its type: "set.add" or "frozenset.copy". */
static const char *qual(BtThread *t, BtValue self, const char *set_name, const char *fs_name) {
    return bt_as_obj(self)->type == BT_TYPE(t, frozenset) ? fs_name : set_name;
}

static BtValue set_add_m(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "set.add", nargs, kwnames))
        return BT_UNDEF;
    return bt_set_add(t, as_set(self), args[0]) < 0 ? BT_UNDEF : BT_NONE;
}

static BtValue set_remove_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (!bt_args_one(t, "set.remove", nargs, kwnames))
        return BT_UNDEF;
    int r = bt_set_discard(t, as_set(self), args[0]);
    if (r == 0)
        bt_raise_key_error(t, args[0]);
    return r == 1 ? BT_NONE : BT_UNDEF;
}

static BtValue set_discard_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_args_one(t, "set.discard", nargs, kwnames))
        return BT_UNDEF;
    return bt_set_discard(t, as_set(self), args[0]) < 0 ? BT_UNDEF : BT_NONE;
}

static BtValue set_pop_m(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "set.pop", nargs, kwnames))
        return BT_UNDEF;
    BtSet *s = as_set(self);
    if (s->used == 0) {
        BtValue msg = bt_cstr_value(t, "pop from an empty set");
        if (!bt_is_undef(msg))
            bt_raise_key_error(t, msg);
        return BT_UNDEF;
    }
    size_t i = s->finger & s->mask;
    while (!slot_active(&s->table[i]))
        i = (i + 1) & s->mask;
    BtValue key = s->table[i].key;
    s->table[i].key = BT_UNDEF;
    s->table[i].hash = SET_DUMMY_HASH;
    s->used--;
    s->finger = i + 1;
    return key;
}

static BtValue set_clear_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, "set.clear", nargs, kwnames))
        return BT_UNDEF;
    set_clear_table(t, as_set(self));
    return BT_NONE;
}

static BtValue set_copy_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                          BtTuple *kwnames) {
    (void)args;
    if (!bt_args_none(t, qual(t, self, "set.copy", "frozenset.copy"), nargs, kwnames))
        return BT_UNDEF;
    if (bt_as_obj(self)->type == BT_TYPE(t, frozenset))
        return self;
    BtSet *r = set_from(t, bt_as_obj(self)->type, self);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* union/intersection/difference with any number of iterables. */
static BtValue set_multi(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                         int op, const char *set_name, const char *fs_name) {
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments",
                 qual(t, self, set_name, fs_name));
        return BT_UNDEF;
    }
    BtValue r = self;
    if (nargs == 0) {
        BtSet *c = set_from(t, bt_as_obj(self)->type, self);
        return c ? bt_obj(c) : BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &r);
    for (int i = 0; i < nargs && !bt_is_undef(r); i++) {
        if (op == BT_BINOP_OR && i > 0)
            r = bt_set_update(t, as_set(r), args[i]) ? r : BT_UNDEF;
        else if (op == BT_BINOP_SUB && i > 0)
            r = set_difference_update(t, as_set(r), args[i]) ? r : BT_UNDEF;
        else
            r = set_operate(t, op, as_set(r), args[i]);
    }
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue set_union_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    return set_multi(t, self, args, nargs, kwnames, BT_BINOP_OR, "set.union", "frozenset.union");
}

static BtValue set_intersection_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    return set_multi(t, self, args, nargs, kwnames, BT_BINOP_AND, "set.intersection",
                     "frozenset.intersection");
}

static BtValue set_difference_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    return set_multi(t, self, args, nargs, kwnames, BT_BINOP_SUB, "set.difference",
                     "frozenset.difference");
}

static BtValue set_symmetric_difference_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                          BtTuple *kwnames) {
    if (!bt_args_one(t, qual(t, self, "set.symmetric_difference",
                             "frozenset.symmetric_difference"),
                     nargs, kwnames))
        return BT_UNDEF;
    return set_operate(t, BT_BINOP_XOR, as_set(self), args[0]);
}

/* other as a set (itself when it is one); NULL raised. */
static BtSet *set_of(BtThread *t, BtValue other) {
    if (bt_is_anyset(t, other))
        return as_set(other);
    return set_from(t, BT_TYPE(t, set), other);
}

static BtValue set_relation(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames, const char *set_name, const char *fs_name,
                            int which) {
    if (!bt_args_one(t, qual(t, self, set_name, fs_name), nargs, kwnames))
        return BT_UNDEF;
    BtSet *o = set_of(t, args[0]);
    if (!o)
        return BT_UNDEF;
    BtValue ov = bt_obj(o);
    BT_PUSH_ROOT(t, &ov);
    int r;
    if (which == 0) {
        r = set_issubset(t, as_set(self), o);
    } else if (which == 1) {
        r = set_issubset(t, o, as_set(self));
    } else {
        BtSet *a = as_set(self), *b = o;
        if (a->used > b->used) {
            BtSet *x = a;
            a = b;
            b = x;
        }
        r = 1;
        for (size_t i = 0; r == 1 && i <= a->mask; i++) {
            BtSetEntry e = a->table[i];
            if (!slot_active(&e))
                continue;
            int c = set_contains_entry(t, b, e.key, e.hash);
            r = c < 0 ? -1 : !c;
        }
    }
    BT_POP_ROOT(t, 1);
    return r < 0 ? BT_UNDEF : bt_bool(r == 1);
}

static BtValue set_issubset_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    return set_relation(t, self, args, nargs, kwnames, "set.issubset", "frozenset.issubset", 0);
}

static BtValue set_issuperset_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    return set_relation(t, self, args, nargs, kwnames, "set.issuperset", "frozenset.issuperset",
                        1);
}

static BtValue set_isdisjoint_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    return set_relation(t, self, args, nargs, kwnames, "set.isdisjoint", "frozenset.isdisjoint",
                        2);
}

static BtValue set_update_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                            BtTuple *kwnames) {
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "set.update() takes no keyword arguments");
        return BT_UNDEF;
    }
    for (int i = 0; i < nargs; i++)
        if (!bt_set_update(t, as_set(self), args[i]))
            return BT_UNDEF;
    return BT_NONE;
}

static BtValue set_intersection_update_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                         BtTuple *kwnames) {
    BtValue r = set_intersection_m(t, self, args, nargs, kwnames);
    if (bt_is_undef(r))
        return BT_UNDEF;
    set_take_contents(as_set(self), as_set(r));
    return BT_NONE;
}

static BtValue set_difference_update_m(BtThread *t, BtValue self, BtValue *args, int nargs,
                                       BtTuple *kwnames) {
    if (bt_kwcount(kwnames)) {
        bt_raise(t, BT_EXC(t, TypeError), "set.difference_update() takes no keyword arguments");
        return BT_UNDEF;
    }
    for (int i = 0; i < nargs; i++)
        if (!set_difference_update(t, as_set(self), args[i]))
            return BT_UNDEF;
    return BT_NONE;
}

static BtValue set_symmetric_difference_update_m(BtThread *t, BtValue self, BtValue *args,
                                                 int nargs, BtTuple *kwnames) {
    if (!bt_args_one(t, "set.symmetric_difference_update", nargs, kwnames))
        return BT_UNDEF;
    return set_symmetric_difference_update(t, as_set(self), args[0]) ? BT_NONE : BT_UNDEF;
}

static const BtNativeDef set_methods[] = {
    {"add", set_add_m},
    {"remove", set_remove_m},
    {"discard", set_discard_m},
    {"pop", set_pop_m},
    {"clear", set_clear_m},
    {"copy", set_copy_m},
    {"union", set_union_m},
    {"intersection", set_intersection_m},
    {"difference", set_difference_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"isdisjoint", set_isdisjoint_m},
    {"update", set_update_m},
    {"intersection_update", set_intersection_update_m},
    {"difference_update", set_difference_update_m},
    {"symmetric_difference_update", set_symmetric_difference_update_m},
    {NULL, NULL},
};

static const BtNativeDef frozenset_methods[] = {
    {"copy", set_copy_m},
    {"union", set_union_m},
    {"intersection", set_intersection_m},
    {"difference", set_difference_m},
    {"symmetric_difference", set_symmetric_difference_m},
    {"issubset", set_issubset_m},
    {"issuperset", set_issuperset_m},
    {"isdisjoint", set_isdisjoint_m},
    {NULL, NULL},
};

/* ---- set operations on keys and items views ---- */

/* view OP other (either side a view): set(left) OP= right, as CPython does. */
static BtValue view_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT; /* views have no in-place forms: build a new set */
    if (!is_set_op(op))
        return bt_not_implemented(t);
    BtValue left = a;
    if (is_view(a, BT_TYPE(t, dict_keys)))
        left = bt_obj(view_dict(a)); /* set(d) takes the stored hashes */
    BtSet *r = set_from(t, BT_TYPE(t, set), left);
    if (!r)
        return BT_UNDEF;
    BtValue rv = bt_obj(r);
    BT_PUSH_ROOT(t, &rv);
    bool ok = set_operate_inplace(t, op, r, b);
    BT_POP_ROOT(t, 1);
    return ok ? rv : BT_UNDEF;
}

/* Keys and items views compare as sets with sets and other such views. */
static BtValue view_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    BtType *keys = BT_TYPE(t, dict_keys), *items = BT_TYPE(t, dict_items);
    bool b_ok = bt_is_anyset(t, b) || is_view(b, keys) || is_view(b, items);
    if (!b_ok)
        return bt_not_implemented(t);
    BtValue x = BT_NONE, y = BT_NONE, r = BT_UNDEF;
    BT_PUSH_ROOT(t, &x);
    BT_PUSH_ROOT(t, &y);
    BtSet *sx = set_of(t, a);
    if (sx) {
        x = bt_obj(sx);
        BtSet *sy = set_of(t, b);
        if (sy) {
            y = bt_obj(sy);
            r = set_compare(t, x, y, op);
        }
    }
    BT_POP_ROOT(t, 2);
    return r;
}

/* ---- set-up ---- */

bool bt_dict_init_types(BtThread *t) {
    BtType *dict = BT_TYPE(t, dict);
    dict->instance_size = sizeof(BtDict);
    dict->repr = dict_repr;
    dict->compare = dict_compare;
    dict->binary = dict_binary;
    dict->len = dict_len;
    dict->truth = dict_truth;
    dict->getitem = dict_getitem;
    dict->setitem = dict_setitem;
    dict->contains = dict_contains;
    dict->iter = dict_iter;
    dict->construct = dict_construct;
    dict->trace = dict_trace;
    dict->finalize = dict_finalize;
    if (!bt_type_add_methods(t, dict, dict_methods) || !bt_add_container_dunders(t, dict) ||
        !bt_type_add_static(t, dict, "fromkeys", dict_fromkeys, true))
        return false;

    BtType *views[3] = {BT_TYPE(t, dict_keys), BT_TYPE(t, dict_values), BT_TYPE(t, dict_items)};
    for (int i = 0; i < 3; i++) {
        views[i]->instance_size = sizeof(BtDictView);
        views[i]->repr = view_repr;
        views[i]->len = view_len;
        views[i]->iter = view_iter;
        views[i]->trace = view_trace;
    }
    views[0]->contains = keys_contains;
    views[1]->contains = values_contains;
    views[2]->contains = items_contains;
    views[0]->binary = views[2]->binary = view_binary;
    views[0]->compare = views[2]->compare = view_compare;
    views[1]->hash = BT_TYPE(t, object)->hash; /* values views compare by identity */
    for (int i = 0; i < 3; i++)
        if (!bt_add_container_dunders(t, views[i]))
            return false;

    BtType *sets[2] = {BT_TYPE(t, set), BT_TYPE(t, frozenset)};
    for (int i = 0; i < 2; i++) {
        sets[i]->instance_size = sizeof(BtSet);
        sets[i]->repr = set_repr;
        sets[i]->compare = set_compare;
        sets[i]->binary = set_binary;
        sets[i]->len = set_len;
        sets[i]->truth = set_truth;
        sets[i]->contains = set_contains_slot;
        sets[i]->iter = set_iter;
        sets[i]->trace = set_trace;
        sets[i]->finalize = set_finalize;
    }
    sets[0]->construct = set_construct;
    sets[1]->construct = frozenset_construct;
    sets[1]->hash = frozenset_hash;

    return bt_type_add_methods(t, sets[0], set_methods) &&
           bt_type_add_methods(t, sets[1], frozenset_methods) &&
           bt_add_container_dunders(t, sets[0]) && bt_add_container_dunders(t, sets[1]) &&
           bt_iter_setup_type(t, BT_TYPE(t, dict_keyiter), sizeof(BtDictIter), dict_keyiter_next,
                              dict_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, dict_valueiter), sizeof(BtDictIter),
                              dict_valueiter_next, dict_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, dict_itemiter), sizeof(BtDictIter),
                              dict_itemiter_next, dict_iter_trace) &&
           bt_iter_setup_type(t, BT_TYPE(t, set_iter), sizeof(BtDictIter), set_iter_next,
                              dict_iter_trace);
}
