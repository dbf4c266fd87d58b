/* gc_internal.h: the allocator's fast path, inline (vm stage; internal to
 * vm/, see gc.c's design notes and vm/README.md).
 *
 * bt_gc_alloc_uninit is this fast path and a call to the slow one. The few
 * sites that make small objects at a high rate (a big int per `total += x`
 * once a running total passes the inline range) take it inline, which
 * saves the call, and the size class folds to a constant.
 */
#ifndef BT_GC_INTERNAL_H
#define BT_GC_INTERNAL_H

#include "vm/gc.h"
#include "vm/gil.h"
#include "vm/interp.h"

/* Objects up to BT_GC_POOL_MAX bytes live in pages, one size class per
 * BT_GC_POOL_STEP bytes. Under AddressSanitizer every object is malloc'ed on
 * its own, so use-after-free is still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define BT_GC_POOL_MAX 0
#else
#define BT_GC_POOL_MAX 256
#endif
#define BT_GC_POOL_STEP 8

/* A free block: a NULL type where an object has its type, then the link. */
typedef struct BtFreeBlock {
    BtType *no_type;
    struct BtFreeBlock *next;
} BtFreeBlock;

/* Whether a block of size bytes (never 0) comes from the pages. */
static inline bool bt_gc_pooled(size_t size) {
#if BT_GC_POOL_MAX == 0
    (void)size;
    return false;
#else
    return size - 1 < BT_GC_POOL_MAX; /* unsigned: size 0 is not pooled */
#endif
}

static inline size_t bt_gc_pool_class(size_t size) {
    return (size - 1) / BT_GC_POOL_STEP;
}

/* Make block o an object of type: a clean header. */
static inline BtObject *bt_gc_adopt(BtObject *o, BtType *type) {
    o->type = type;
    o->gc_mark = 0;
    o->flags = 0;
    o->aux8[0] = o->aux8[1] = 0;
    o->aux32 = 0;
    return o;
}

/* bt_gc_alloc_uninit's common case: a recycled block of size's class when
 * no collection is due. NULL when that does not hold (nothing raised):
 * the caller then calls bt_gc_alloc_uninit. */
static inline void *bt_gc_alloc_fast(BtThread *t, BtType *type, size_t size) {
    BT_ASSERT_GIL(t);
    BtHeap *h = &t->interp->heap;
    if (!bt_gc_pooled(size) || h->bytes_since >= h->threshold || h->stress)
        return NULL;
    BtObject **list = &h->free_lists[bt_gc_pool_class(size)];
    BtObject *o = *list;
    if (!o)
        return NULL;
    *list = (BtObject *)((BtFreeBlock *)o)->next;
    h->bytes_since += size;
    return bt_gc_adopt(o, type);
}

#endif
