/* gc.c: the mark-and-sweep collector (vm stage; see vm/README.md and gc.h).
 *
 * Design notes.
 * - Roots are listed in one place, mark_roots(). A frame's whole slot area
 *   (variables and the full operand stack capacity) is marked, not just up
 *   to its stack pointer. That keeps the eval loop free of "sync sp before
 *   allocating" rules, at the price of sometimes keeping a dead value a
 *   little longer. It is safe because of one invariant: every slot of a
 *   thread's value stack holds either nothing or a value whose object has
 *   not been freed. New frames clear their variables but not their operand
 *   stack (a call costs less), so their stack may hold values of popped
 *   frames, but no frame header: pop_frame wipes it, since with 8-byte
 *   values its words (pointers into the stack, to code) would read as
 *   objects. Each collection clears the slots above the stack top that
 *   popped frames dirtied (clear_dead_stack) before it frees anything.
 * - Marking uses an explicit gray stack, never C recursion, so a list nested
 *   a million deep cannot overflow the C stack; long arrays wait on it as
 *   ranges, a chunk at a time. If the gray stack cannot grow, marking falls
 *   back to rescanning the heap for marked objects.
 * - The sweep runs in two passes: first every dead object's finalize (its
 *   type object may itself be dead, but is not freed yet), then the frees.
 */
#include <errno.h>
#include <limits.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>

#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/gc.h"
#include "vm/gc_internal.h"
#include "vm/weakref.h"
#include "vm/interp.h"

/* The smallest collection threshold: about the size of a core's L2 cache, so a
 * program with a small live heap reuses its freed blocks while they are still
 * cached (8 MB measured about 7% slower on tests/bench/dict_str.py). */
#define GC_MIN_THRESHOLD ((size_t)1 << 20)

/* The smallest threshold for memory outside the pages (big objects, and the
 * buffers of lists, dicts...). malloc reuses what a sweep frees itself, so
 * the cache argument above does not apply: this only bounds the memory held
 * by garbage. 1 MB made tests/bench/bigint.py (factorial steps of 16 KB on
 * average) collect 1,434 times, a quarter of its instructions. */
#define GC_MIN_BIG_THRESHOLD ((size_t)8 << 20)

/* The smallest descriptor threshold: a program holding a few sockets never
 * collects for them; one dropping them in a loop collects every 256, well
 * inside the usual limit of 1024 (a lower limit is met by the retry in
 * bt_gc_fd_exhausted). */
#define GC_MIN_FD_THRESHOLD 256

/* Small objects live in pages: 64 KB blocks of malloc'ed memory, each cut
 * into blocks of one size class (8-byte steps up to 256 bytes; the sizes
 * and the allocation fast path are in gc_internal.h). A free block has a
 * NULL type and links to the next free block of its class, so the sweep
 * walks every page block by block, and a live object needs no heap link or
 * size in its header: its page knows its size. Bigger objects get a
 * malloc'ed block each, behind a small header that links them. Under
 * AddressSanitizer every object is a big one, so use-after-free is still
 * caught. */
#define GC_PAGE_BYTES ((size_t)64 << 10)
#define GC_NCLASSES (int)(sizeof(((BtHeap *)0)->pages) / sizeof(BtPage *))
/* Empty pages are kept after a sweep (for any class), as many as the
 * allocations until the next collection may fill (threshold / page size):
 * a program that makes and drops objects at a steady rate then reuses its
 * pages instead of giving them back to malloc and taking new ones. Given
 * back, they could leave the process (glibc trims the top of its heap), and
 * each new one cost 16 page faults: tests/bench/send_pipeline.py took 2,237
 * faults where it takes 222 now. Sweeps do not visit spare pages. */
/* Blocks a dry free list gets from its page's untouched ones at a time. */
#define GC_REFILL_BLOCKS 64
_Static_assert(GC_PAGE_BYTES / 16 <= UINT16_MAX, "block counts fit 16 bits"); 

_Static_assert(BT_GC_POOL_MAX / BT_GC_POOL_STEP <= sizeof(((BtHeap *)0)->free_lists) / sizeof(BtObject *),
               "a free list per size class");

struct BtPage {
    BtPage *next;        /* the next page of this size class */
    uint16_t block_size; /* bytes per block */
    uint16_t nblocks;    /* the blocks follow this header */
    uint16_t touched;    /* blocks [0, touched) were handed out once; the rest never were */
    uint16_t padding;
};

struct BtBigBlock {
    BtBigBlock *next; /* the heap's list of big blocks */
    size_t size;      /* bytes of the object, which follows this header */
};

_Static_assert(sizeof(BtPage) % 16 == 0 && sizeof(BtBigBlock) % 16 == 0,
               "objects keep malloc's 16-byte alignment");

static inline BtObject *page_block(BtPage *p, size_t i) {
    return (BtObject *)((char *)(p + 1) + i * p->block_size);
}

static inline BtObject *big_object(BtBigBlock *b) {
    return (BtObject *)(b + 1);
}

/* A new page for class c, none of its blocks touched yet. */
static BtPage *new_page(BtHeap *h, size_t c) {
    BtPage *p = h->spare_pages;
    if (p) {
        h->spare_pages = p->next;
        h->nspare_pages--;
    } else if (!(p = malloc(GC_PAGE_BYTES))) {
        return NULL;
    }
    h->npages++;
    p->block_size = (uint16_t)((c + 1) * BT_GC_POOL_STEP);
    p->nblocks = (uint16_t)((GC_PAGE_BYTES - sizeof(BtPage)) / p->block_size);
    p->touched = 0;
    p->next = h->pages[c];
    h->pages[c] = p;
    return p;
}

/* Class c's free list ran dry (it is empty when this is called): put the
 * next untouched blocks of its newest page on it, lowest address first,
 * taking a new page when that one is used up. A batch at a time, so a sweep
 * only visits blocks that were ever handed out. */
static bool refill(BtHeap *h, size_t c) {
    BtPage *p = h->pages[c];
    if (!p || p->touched == p->nblocks)
        p = new_page(h, c);
    if (!p)
        return false;
    size_t first = p->touched, n = p->nblocks - first < GC_REFILL_BLOCKS ? p->nblocks - first
                                                                          : GC_REFILL_BLOCKS;
    p->touched = (uint16_t)(first + n);
    /* Link them in address order, stepping a pointer (no multiply per block). */
    size_t step = p->block_size;
    BtFreeBlock *b = (BtFreeBlock *)page_block(p, first);
    h->free_lists[c] = (BtObject *)b;
    for (size_t k = 1; k < n; k++) {
        BtFreeBlock *next = (BtFreeBlock *)((char *)b + step);
        b->no_type = NULL;
        b->next = next;
        b = next;
    }
    b->no_type = NULL;
    b->next = NULL;
    return true;
}

/* A block of `size` bytes, not zeroed; NULL when memory runs out. */
static BtObject *obtain(BtHeap *h, size_t size) {
    if (bt_gc_pooled(size)) {
        size_t c = bt_gc_pool_class(size);
        if (!h->free_lists[c] && !refill(h, c))
            return NULL;
        BtObject *o = h->free_lists[c];
        h->free_lists[c] = (BtObject *)((BtFreeBlock *)o)->next;
        return o;
    }
    if (size > SIZE_MAX - sizeof(BtBigBlock))
        return NULL;
    BtBigBlock *b = malloc(sizeof(BtBigBlock) + size);
    if (!b)
        return NULL;
    b->size = size;
    b->next = h->big;
    h->big = b;
    return big_object(b);
}

/* The blocks of the heap that hold an object, page by page. */
BtObject *bt_gc_next(BtHeapWalk *w) {
    BtHeap *h = &w->interp->heap;
    for (; w->size_class < GC_NCLASSES; w->size_class++, w->page = NULL) {
        if (!w->page) {
            w->page = h->pages[w->size_class];
            w->block = 0;
        }
        for (; w->page; w->page = w->page->next, w->block = 0)
            while (w->block < w->page->touched) {
                BtObject *o = page_block(w->page, w->block++);
                if (o->type)
                    return o;
            }
    }
    if (w->big) {
        BtObject *o = big_object(w->big);
        w->big = w->big->next;
        return o;
    }
    return NULL;
}

BtObject *bt_gc_first(BtInterp *in, BtHeapWalk *w) {
    *w = (BtHeapWalk){.interp = in, .big = in->heap.big};
    return bt_gc_next(w);
}

/* Append o to a growable array of objects; false when it cannot grow. */
static bool append_object(BtObject ***items, size_t *n, size_t *cap, BtObject *o) {
    if (*n == *cap) {
        size_t more = *cap ? *cap * 2 : 64;
        BtObject **grown = realloc(*items, more * sizeof *grown);
        if (!grown)
            return false;
        *items = grown;
        *cap = more;
    }
    (*items)[(*n)++] = o;
    return true;
}

void bt_gc_mark_obj(BtGc *gc, BtObject *o) {
    if (!o || o->gc_mark)
        return;
    o->gc_mark = 1;
    BtHeap *h = &gc->interp->heap;
    if (h->ngray < h->gray_cap)
        h->gray[h->ngray++] = o;
    else if (!append_object(&h->gray, &h->ngray, &h->gray_cap, o))
        h->gray_overflow = true; /* marked but untraced: the rescan in mark_all finds it */
}

/* A long array is marked a chunk at a time: the rest waits on the gray
 * stack as a range (two entries, the count under the address with its low
 * bit set), below the chunk's objects, so they are traced first. Marking a
 * list of a million generators then holds a few hundred gray entries, not
 * a million (8 MB, which tests/bench/many_gens.py's peak RSS counted). */
#define GC_MARK_CHUNK 256

static bool push_range(BtHeap *h, const BtValue *vals, size_t n) {
    if (!append_object(&h->gray, &h->ngray, &h->gray_cap, (BtObject *)(uintptr_t)n))
        return false;
    if (append_object(&h->gray, &h->ngray, &h->gray_cap, (BtObject *)((uintptr_t)vals | 1)))
        return true;
    h->ngray--; /* no room for the address: take the count back */
    return false;
}

void bt_gc_mark_array(BtGc *gc, const BtValue *vals, size_t n) {
    if (n > GC_MARK_CHUNK &&
        push_range(&gc->interp->heap, vals + GC_MARK_CHUNK, n - GC_MARK_CHUNK))
        n = GC_MARK_CHUNK;
    for (size_t i = 0; i < n; i++)
        bt_gc_mark(gc, vals[i]);
}

static void trace_object(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)o->type);
    if (o->type->trace)
        o->type->trace(gc, o);
}

static void drain(BtGc *gc) {
    BtHeap *h = &gc->interp->heap;
    while (h->ngray > 0) {
        BtObject *o = h->gray[--h->ngray];
        if ((uintptr_t)o & 1) { /* the rest of an array (bt_gc_mark_array) */
            size_t n = (size_t)(uintptr_t)h->gray[--h->ngray];
            bt_gc_mark_array(gc, (const BtValue *)((uintptr_t)o & ~(uintptr_t)1), n);
        } else {
            trace_object(gc, o);
        }
    }
}

void bt_gc_mark_frame(BtGc *gc, BtFrame *f) {
    const BtCode *c = f->code;
    if (!c)
        return;
    bt_gc_mark_obj(gc, (BtObject *)c);
    bt_gc_mark_obj(gc, (BtObject *)f->globals);
    bt_gc_mark_obj(gc, (BtObject *)bt_frame_locals_dict(f));
    bt_gc_mark_obj(gc, (BtObject *)bt_frame_gen(f));
    size_t nslots = (size_t)(c->nlocals + c->ncells + c->nfrees + c->stacksize);
    bt_gc_mark_array(gc, bt_frame_slots(f), nslots);
}

static void mark_thread(BtGc *gc, BtThread *th) {
    for (BtFrame *f = th->frame; f; f = f->back)
        bt_gc_mark_frame(gc, f);
    bt_gc_mark(gc, th->exc);
    bt_gc_mark(gc, th->handled);
    bt_gc_mark(gc, th->thread_obj);
    bt_gc_mark(gc, th->start);
    bt_gc_mark(gc, th->done_lock);
    bt_gc_mark(gc, th->scheduler);
    for (int i = 0; i < th->nroots; i++)
        bt_gc_mark(gc, *th->roots[i]);
}

bool bt_gc_roots_reserve(BtThread *t, int free_slots) {
    if (t->roots_cap - t->nroots >= free_slots)
        return true;
    int cap = t->roots_cap ? t->roots_cap : BT_ROOTS_HEADROOM;
    while (cap - t->nroots < free_slots) {
        if (cap > (1 << 28))
            return false;
        cap *= 2;
    }
    BtValue **grown = realloc(t->roots, (size_t)cap * sizeof *grown);
    if (!grown)
        return false;
    t->roots = grown;
    t->roots_cap = cap;
    return true;
}

void bt_gc_push_root_slow(BtThread *t, BtValue *valueptr) {
    if (!bt_gc_roots_reserve(t, 1)) {
        /* The caller cannot be told (a push never fails), and going on would
         * leave an object unprotected: stop rather than corrupt the heap. */
        fprintf(stderr, "Fatal Python error: out of memory for C temporary roots\n");
        abort();
    }
    t->roots[t->nroots++] = valueptr;
}

/* Clear what popped frames left above th's stack top: those values are not
 * marked, so their objects may be freed now (see the invariant above). */
static void clear_dead_stack(BtThread *th) {
    for (BtValue *v = th->stack_top; v < th->stack_dirty; v++)
        *v = BT_UNDEF;
    th->stack_dirty = th->stack_top;
}

/* Every root of the heap, in one place. */
static void mark_roots(BtGc *gc) {
    BtInterp *in = gc->interp;
#define MARK_TYPE(field, pyname) bt_gc_mark_obj(gc, (BtObject *)in->types.field);
    BT_BUILTIN_TYPES(MARK_TYPE)
#undef MARK_TYPE
#define MARK_EXC(name, base) bt_gc_mark_obj(gc, (BtObject *)in->exc.name);
    BT_EXCEPTION_TYPES(MARK_EXC)
#undef MARK_EXC
#define MARK_NAME(field, text) bt_gc_mark_obj(gc, (BtObject *)in->names.field);
    BT_NAMES(MARK_NAME)
#undef MARK_NAME
    for (int op = 0; op < BT_BINOP__COUNT; op++)
        for (int k = 0; k < 3; k++)
            bt_gc_mark_obj(gc, (BtObject *)in->binop_names[op][k]);
    bt_gc_mark_obj(gc, in->not_implemented);
    bt_gc_mark_obj(gc, in->ellipsis);
    bt_gc_mark_obj(gc, (BtObject *)in->empty_tuple);
    bt_gc_mark_obj(gc, (BtObject *)in->interned);
    bt_gc_mark_obj(gc, (BtObject *)in->modules);
    bt_gc_mark_obj(gc, (BtObject *)in->builtins);
    bt_gc_mark(gc, in->default_import);
    bt_gc_mark_obj(gc, (BtObject *)in->source_cache);
    bt_gc_mark_obj(gc, (BtObject *)in->unraisable_args);
    bt_gen_mark_renamed(gc);
    for (BtThread *th = in->threads; th; th = th->next_thread)
        mark_thread(gc, th);
    for (size_t i = 0; i < in->heap.nto_close; i++)
        bt_gc_mark_obj(gc, in->heap.to_close[i]);
}

static bool queue_push(BtHeap *h, BtObject *o) {
    return append_object(&h->to_close, &h->nto_close, &h->to_close_cap, o);
}

void bt_gc_queue_finalizer(BtInterp *in, BtObject *o) {
    (void)queue_push(&in->heap, o); /* out of memory: the callback is dropped */
}

/* Call visit(gc, o) for every object the marking left unmarked (inlined,
 * so that visit is too: it runs for every dead object). */
static inline __attribute__((always_inline)) void each_unmarked(BtGc *gc, void (*visit)(BtGc *gc, BtObject *o)) {
    BtHeap *h = &gc->interp->heap;
    for (int c = 0; c < GC_NCLASSES; c++)
        for (BtPage *p = h->pages[c]; p; p = p->next) {
            char *end = (char *)page_block(p, p->touched);
            for (char *at = (char *)page_block(p, 0); at < end; at += p->block_size) {
                BtObject *o = (BtObject *)at;
                if (!o->gc_mark && o->type) /* a free block's "mark" is its link's low byte */
                    visit(gc, o);
            }
        }
    for (BtBigBlock *b = h->big; b; b = b->next)
        if (!big_object(b)->gc_mark)
            visit(gc, big_object(b));
}

/* An unreachable suspended generator (or coroutine, or async generator)
 * inside a try/with must still run its finally blocks: keep it (and what it
 * references) alive, and queue it for close() at the next eval-breaker
 * check (or before gc.collect() returns), outside the collector. Any other
 * object with a finalize goes on the dying list. */
static void sort_unmarked(BtGc *gc, BtObject *o) {
    BtHeap *h = &gc->interp->heap;
    if (o->type->flags & BT_TYPE_FRAMED) { /* one test: this runs for every dead object */
        BtGen *gen = (BtGen *)o;
        if (bt_gen_finalized(gen) || !bt_gen_needs_close(gen) || !queue_push(h, o))
            return; /* out of memory: this generator is dropped unclosed */
        bt_gen_set_finalized(gen, true);
        bt_gc_mark_obj(gc, o);
        gc->rescued = true;
        return;
    }
    if (o->type->finalize && !append_object(&h->dying, &h->ndying, &h->dying_cap, o))
        h->dying_overflow = true;
}

/* One walk over what marking left: rescue generators, list the dying. */
static void rescue_generators(BtGc *gc) {
    BtHeap *h = &gc->interp->heap;
    h->ndying = 0;
    h->dying_overflow = false;
    each_unmarked(gc, sort_unmarked);
    if (gc->rescued) {
        drain(gc);
        atomic_fetch_or(&gc->thread->breaker, BT_BREAK_FINALIZE);
    }
}

static void finalize_one(BtGc *gc, BtObject *o) {
    if (o->type->finalize)
        o->type->finalize(gc->interp, o);
}

/* Every dying object's finalize (those a rescued generator keeps are not
 * dying), before anything is freed: a dead object's type may itself be
 * dead, and a finalizer may read other dead objects (a file its buffer). */
static void finalize_dying(BtGc *gc) {
    BtHeap *h = &gc->interp->heap;
    if (h->dying_overflow) {
        each_unmarked(gc, finalize_one);
        return;
    }
    for (size_t i = 0; i < h->ndying; i++)
        if (!h->dying[i]->gc_mark)
            finalize_one(gc, h->dying[i]);
}

static void mark_all(BtGc *gc) {
    BtHeap *h = &gc->interp->heap;
    mark_roots(gc);
    drain(gc);
    while (h->gray_overflow) {
        h->gray_overflow = false;
        BtHeapWalk w;
        for (BtObject *o = bt_gc_first(gc->interp, &w); o; o = bt_gc_next(&w))
            if (o->gc_mark) {
                trace_object(gc, o);
                drain(gc);
            }
    }
}

/* Free the unmarked blocks of class c's pages and clear the others' marks;
 * rebuilds the class's free list (lowest address first within a page) and
 * gives back empty pages beyond the spares. Returns the live bytes. */
static size_t sweep_class(BtHeap *h, int c) {
    BtFreeBlock *head = NULL, **tail = &head;
    size_t live = 0;
    for (BtPage **link = &h->pages[c]; *link;) {
        BtPage *p = *link;
        BtFreeBlock *page_head = NULL, **page_tail = &page_head;
        size_t page_live = 0, step = p->block_size;
        char *end = (char *)page_block(p, p->touched);
        for (char *at = (char *)page_block(p, 0); at < end; at += step) {
            BtObject *o = (BtObject *)at;
            if (o->gc_mark && o->type) {
                o->gc_mark = 0;
                page_live++;
                continue;
            }
            BtFreeBlock *b = (BtFreeBlock *)o;
            b->no_type = NULL;
            *page_tail = b;
            page_tail = &b->next;
        }
        if (page_live == 0) {
            *link = p->next;
            h->npages--;
            p->next = h->spare_pages; /* trimmed to the new threshold after the sweep */
            h->spare_pages = p;
            h->nspare_pages++;
            continue;
        }
        if (page_head) { /* a full page has no free block to link (and page_tail is local) */
            *tail = page_head;
            tail = page_tail;
        }
        live += page_live * step;
        link = &p->next;
    }
    *tail = NULL;
    h->free_lists[c] = (BtObject *)head;
    return live;
}

static size_t sweep_big(BtHeap *h) {
    size_t live = 0;
    for (BtBigBlock **link = &h->big; *link;) {
        BtBigBlock *b = *link;
        BtObject *o = big_object(b);
        if (o->gc_mark) {
            o->gc_mark = 0;
            live += b->size;
            link = &b->next;
        } else {
            *link = b->next;
            free(b);
        }
    }
    return live;
}

static void sweep(BtInterp *in) {
    BtHeap *h = &in->heap;
    size_t live = sweep_big(h);
    for (int c = 0; c < GC_NCLASSES; c++)
        live += sweep_class(h, c);
    h->bytes_live = live;
}

/* When the next collection is due, from what the last one left. */
static void set_thresholds(BtHeap *h) {
    /* A sweep visits every block of every page in use, live or free: let
     * at least that many bytes be allocated before the next one, so the
     * collector's work per allocated byte stays bounded even when a few live
     * objects keep many pages (the start-up's survivors among its garbage). */
    size_t threshold = h->bytes_live * 2;
    if (threshold < h->npages * GC_PAGE_BYTES)
        threshold = h->npages * GC_PAGE_BYTES;
    h->threshold = threshold > GC_MIN_THRESHOLD ? threshold : GC_MIN_THRESHOLD;
    size_t big = threshold > GC_MIN_BIG_THRESHOLD ? threshold : GC_MIN_BIG_THRESHOLD;
#ifdef M_TRIM_THRESHOLD
    /* What a sweep frees, the next cycle mallocs again: glibc's default is
     * to give the top of its heap back past 128 KB free, and every page
     * taken back later is a fault (tests/bench/bigint.py: 6,141 faults and
     * 285 ms, against 2,715 and 206 ms with this). */
    if (big != h->big_threshold)
        mallopt(M_TRIM_THRESHOLD, (int)(big + h->threshold < INT_MAX ? big + h->threshold : INT_MAX));
#endif
    h->big_threshold = big;
}

void bt_gc_init(BtHeap *h) {
#ifdef M_MMAP_THRESHOLD
    /* Setting M_TRIM_THRESHOLD (set_thresholds) turns off glibc's own
     * raising of its mmap threshold, which would otherwise leave 128 KB:
     * every list grown past 16,384 items would get fresh pages from the
     * kernel and fault on each (tests/bench/round_robin.py: 117 ms, 73 ms
     * with this). */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
#endif
    set_thresholds(h);
}

void bt_gc_collect(BtThread *t) {
    BtInterp *in = t->interp;
    BtHeap *h = &in->heap;
    if (h->collecting || h->disabled)
        return;
    h->collecting = true;
    BtGc gc = {.interp = in, .thread = t};
    mark_all(&gc);
    rescue_generators(&gc);
    bt_gen_forget_unmarked(in); /* after the last marking of generators */
    size_t queued = h->nto_close;
    bt_weakref_sweep(in); /* after the last marking, before anything is freed */
    if (h->nto_close > queued)
        atomic_fetch_or(&t->breaker, BT_BREAK_FINALIZE);
    for (BtThread *th = in->threads; th; th = th->next_thread)
        clear_dead_stack(th);
    finalize_dying(&gc);
    sweep(in);
    h->collections++;
    h->bytes_since = h->big_bytes_since = 0;
    set_thresholds(h);
    while ((size_t)h->nspare_pages * GC_PAGE_BYTES > h->threshold) {
        BtPage *p = h->spare_pages;
        h->spare_pages = p->next;
        h->nspare_pages--;
        free(p);
    }
    h->fds_threshold =
        h->fds_owned * 2 > GC_MIN_FD_THRESHOLD ? h->fds_owned * 2 : GC_MIN_FD_THRESHOLD;
    h->collecting = false;
}

size_t bt_gc_memory_limit(BtThread *t) {
    BtHeap *h = &t->interp->heap;
    if (!h->memory_limit) {
        struct sysinfo si;
        h->memory_limit = SIZE_MAX;
        if (sysinfo(&si) == 0 && si.mem_unit > 0 &&
            si.totalram + si.totalswap <= SIZE_MAX / si.mem_unit)
            h->memory_limit = (size_t)(si.totalram + si.totalswap) * si.mem_unit;
    }
    return h->memory_limit;
}

void bt_gc_fd_opened(BtThread *t) {
    BtHeap *h = &t->interp->heap;
    if (h->fds_threshold == 0)
        h->fds_threshold = GC_MIN_FD_THRESHOLD;
    /* Enough held since the last collection: make the next allocation collect. */
    if (++h->fds_owned >= h->fds_threshold && h->bytes_since < h->threshold)
        h->bytes_since = h->threshold;
}

void bt_gc_fd_closed(BtInterp *in) {
    if (in->heap.fds_owned > 0)
        in->heap.fds_owned--;
}

bool bt_gc_fd_exhausted(BtThread *t, int err) {
    if (err != EMFILE && err != ENFILE)
        return false;
    bt_gc_collect(t);
    return true;
}

/* A fresh block becomes an object of type, its size counted. */
/* bt_gc_alloc_uninit when a collection is due, the free list is empty or
 * the object is big. Kept out of line so the fast path saves no registers. */
static __attribute__((noinline)) BtObject *alloc_slow(BtThread *t, BtType *type, size_t size) {
    BtHeap *h = &t->interp->heap;
    if (size > bt_gc_memory_limit(t)) {
        bt_raise_memory(t); /* more than the machine has: say so without asking malloc */
        return NULL;
    }
    if (h->stress || h->bytes_since >= h->threshold || h->big_bytes_since >= h->big_threshold)
        bt_gc_collect(t);
    BtObject *o = obtain(h, size);
    if (!o) {
        bt_gc_collect(t);
        o = obtain(h, size);
        if (!o) {
            bt_raise_memory(t);
            return NULL;
        }
    }
    if (bt_gc_pooled(size))
        h->bytes_since += size;
    else
        h->big_bytes_since += size;
    return bt_gc_adopt(o, type);
}

void *bt_gc_alloc_uninit(BtThread *t, BtType *type, size_t size) {
    BtObject *o = bt_gc_alloc_fast(t, type, size); /* free of calls: a recycled block */
    return o ? o : alloc_slow(t, type, size);
}

void *bt_gc_alloc(BtThread *t, BtType *type, size_t size) {
    BtObject *o = bt_gc_alloc_uninit(t, type, size);
    if (o && size > sizeof(BtObject))
        memset(o + 1, 0, size - sizeof(BtObject));
    return o;
}

void bt_gc_account(BtThread *t, ptrdiff_t delta) {
    BtHeap *h = &t->interp->heap;
    if (delta > 0)
        h->big_bytes_since += (size_t)delta;
    /* The allocation fast path reads only bytes_since: make the next one collect. */
    if (h->big_bytes_since >= h->big_threshold && h->bytes_since < h->threshold)
        h->bytes_since = h->threshold;
}

void bt_gc_free_all(BtInterp *in) {
    BtHeap *h = &in->heap;
    BtHeapWalk w;
    for (BtObject *o = bt_gc_first(in, &w); o; o = bt_gc_next(&w))
        if (o->type->finalize)
            o->type->finalize(in, o);
    while (h->big) {
        BtBigBlock *next = h->big->next;
        free(h->big);
        h->big = next;
    }
    for (int c = 0; c < GC_NCLASSES; c++) {
        while (h->pages[c]) {
            BtPage *next = h->pages[c]->next;
            free(h->pages[c]);
            h->pages[c] = next;
        }
        h->free_lists[c] = NULL;
    }
    while (h->spare_pages) {
        BtPage *next = h->spare_pages->next;
        free(h->spare_pages);
        h->spare_pages = next;
    }
    h->nspare_pages = 0;
    free(h->dying);
    h->dying = NULL;
    h->ndying = h->dying_cap = 0;
    free(h->gray);
    h->gray = NULL;
    free(h->to_close);
    h->to_close = NULL;
    h->nto_close = h->to_close_cap = 0;
    h->ngray = h->gray_cap = 0;
}
