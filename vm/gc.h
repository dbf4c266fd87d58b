/* gc.h: allocation and the garbage collector (vm stage; see vm/README.md).
 *
 * A precise, non-moving mark-and-sweep collector. Every object comes from
 * bt_gc_alloc: a small one from a page of blocks of its size, a big one
 * from malloc, on the list of big blocks. A collection starts when the bytes
 * allocated since the last one pass a threshold that grows with the live
 * heap (or at every allocation with BATON_GC_STRESS=1). It marks from the
 * roots (every thread's frames and value stack, generator frames through
 * their owners, modules, the interpreter's registries, and the temporary
 * roots of C code), then frees what is unmarked, calling each type's
 * finalize (which closes sockets and files).
 *
 * The rule for C code: a collection can happen inside any call that may
 * allocate. A fresh object held only in a C local must be protected first,
 * with BT_PUSH_ROOT(t, &v) ... BT_POP_ROOT(t, 1), or by storing it where the
 * GC looks (the value stack, a rooted container). Arguments of native
 * functions are on the value stack and are safe.
 */
#ifndef BT_GC_H
#define BT_GC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/object.h"

typedef struct BtPage BtPage;
typedef struct BtBigBlock BtBigBlock;

typedef struct {
    BtPage *pages[32];     /* per size class (8-byte steps): pages of blocks, linked */
    BtBigBlock *big;       /* objects too big for a page, each in its own malloc'ed block */
    size_t bytes_live;     /* bytes in objects and their buffers after the last sweep */
    size_t bytes_since;    /* bytes of page blocks allocated since the last collection */
    size_t threshold;      /* collect when bytes_since passes this */
    size_t big_bytes_since; /* bytes malloc'ed since then: big blocks, buffers (bt_gc_account) */
    size_t big_threshold;  /* collect when big_bytes_since passes this */
    size_t collections;    /* how many collections ran */
    bool stress;           /* BATON_GC_STRESS: collect at every allocation */
    bool collecting;       /* a collection is running (allocation must not recurse) */
    int disabled;          /* >0: no collection (during interpreter start-up) */
    bool user_disabled;    /* gc.disable() was called (only gc.isenabled() reads it) */
    BtObject **gray;       /* mark stack, grows as needed */
    size_t ngray, gray_cap;
    bool gray_overflow;    /* the mark stack could not grow: rescan the heap */
    BtObject *free_lists[32]; /* free blocks per size class, lowest address first */
    BtPage *spare_pages;   /* empty pages kept for any class (a few: sweeps skip them) */
    int nspare_pages;
    size_t npages;         /* pages in use (not spare) */
    BtObject **dying;      /* a collection's unmarked objects that have a finalize */
    size_t ndying, dying_cap;
    bool dying_overflow;   /* `dying` could not grow: finalize by walking the heap */
    BtObject **to_close;   /* unreachable suspended generators awaiting close(), and weakrefs
                              awaiting their callback (roots; bt_gc_queue_finalizer) */
    struct BtWeakRef *weakrefs; /* every weakref, linked (vm/weakref.c) */
    size_t nto_close, to_close_cap;
    size_t fds_owned;      /* descriptors held by sockets and files (bt_gc_fd_opened) */
    size_t fds_threshold;  /* collect when fds_owned reaches this (0: not set yet) */
    size_t memory_limit;   /* bt_gc_memory_limit's answer once asked (0: not yet) */
} BtHeap;

struct BtGc {
    BtInterp *interp;
    BtThread *thread; /* the thread collecting: it closes the rescued generators */
    bool rescued;     /* this collection kept a generator alive to close it */
};

/* Set up an empty heap's collection thresholds (before it allocates). */
void bt_gc_init(BtHeap *h);

/* A new object of `type` with `size` bytes (>= sizeof(BtObject)), zeroed,
 * its header filled in. May collect first. NULL with MemoryError raised when
 * memory runs out. */
void *bt_gc_alloc(BtThread *t, BtType *type, size_t size);
/* The same, but only the BtObject header is initialised (flags 0): the caller
 * sets every field before its next allocation, which may collect and trace
 * the object (a str, with nothing to trace, is the intended user). */
void *bt_gc_alloc_uninit(BtThread *t, BtType *type, size_t size);

/* Tell the GC that an object grew (delta > 0) or shrank an owned buffer
 * (delta < 0), so collections keep pace with memory use. Never collects. */
void bt_gc_account(BtThread *t, ptrdiff_t delta);

/* Queue o for the next eval-breaker check: a generator to close(), or a
 * weakref whose callback is due. Called during a collection. */
void bt_gc_queue_finalizer(BtInterp *in, BtObject *o);

/* Run a full collection now. */
void bt_gc_collect(BtThread *t);

/* Walking every object of the heap (live or not yet swept), in address
 * order within each size class, then the big ones:
 *     BtHeapWalk w; for (BtObject *o = bt_gc_first(in, &w); o; o = bt_gc_next(&w))
 * The walk must not allocate. */
typedef struct {
    BtInterp *interp;
    int size_class;
    BtPage *page;
    size_t block;
    BtBigBlock *big;
} BtHeapWalk;
BtObject *bt_gc_first(BtInterp *in, BtHeapWalk *w);
BtObject *bt_gc_next(BtHeapWalk *w);

/* The most bytes one buffer may ask malloc for: the machine's RAM plus swap.
 * Linux's default overcommit refuses a bigger single allocation, which is
 * where CPython's MemoryError comes from ([None] * 2**40); checking first
 * gives the same error without the request (which AddressSanitizer would
 * report as a crash instead of returning NULL). */
size_t bt_gc_memory_limit(BtThread *t);

/* Descriptors are a resource the collector must know about: a socket or file
 * dropped without close() keeps its descriptor until it is collected, and
 * descriptors run out long before memory does (ulimit -n is often 1024).
 * An object that took one calls bt_gc_fd_opened; it counts as pressure, so
 * that the next allocation collects once many are held. An object that gave
 * one up (close, detach, finalize) calls bt_gc_fd_closed. Never collects. */
void bt_gc_fd_opened(BtThread *t);
void bt_gc_fd_closed(BtInterp *in);
/* err is the errno of a call that makes a descriptor (socket, accept, open).
 * When it is EMFILE or ENFILE, collect (closing unreachable sockets and
 * files) and return true: the caller tries its call once more. */
bool bt_gc_fd_exhausted(BtThread *t, int err);

/* For trace functions: mark what a field references. */
void bt_gc_mark_obj(BtGc *gc, BtObject *o);
static inline void bt_gc_mark(BtGc *gc, BtValue v) {
    if (bt_is_obj(v))
        bt_gc_mark_obj(gc, bt_as_obj(v));
}
void bt_gc_mark_array(BtGc *gc, const BtValue *vals, size_t n);

/* Mark a frame's code, function, dicts and its whole slot area. */
struct BtFrame;
void bt_gc_mark_frame(BtGc *gc, struct BtFrame *f);
/* Finalize and free every object (interpreter shutdown). */
void bt_gc_free_all(BtInterp *interp);

/* Protect a C local across allocations; pops must match pushes (LIFO).
 * The array grows when full, and every level of C recursion (the eval loop's
 * entry, bt_enter_recursive) first makes sure BT_ROOTS_HEADROOM slots are
 * free, raising MemoryError if they cannot be had, so a push itself never
 * needs to fail (see bt_gc_roots_reserve). */
#define BT_ROOTS_HEADROOM 64
#define BT_PUSH_ROOT(t, valueptr)                                                                  \
    ((t)->nroots < (t)->roots_cap ? (void)((t)->roots[(t)->nroots++] = (valueptr))                 \
                                  : bt_gc_push_root_slow((t), (valueptr)))
#define BT_POP_ROOT(t, n) ((t)->nroots -= (n))
/* Grow t's root array so that at least `free_slots` more pushes fit; false
 * (nothing raised) when memory runs out. */
bool bt_gc_roots_reserve(BtThread *t, int free_slots);
/* BT_PUSH_ROOT on a full array: grow it, or stop the process if even that
 * fails (only a C level pushing more than BT_ROOTS_HEADROOM roots can get here). */
void bt_gc_push_root_slow(BtThread *t, BtValue *valueptr);

#endif
