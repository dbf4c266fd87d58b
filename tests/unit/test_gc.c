/* test_gc.c: the collector keeps what is reachable and frees what is not,
 * cycles included (vm/gc.c). */
#include <criterion/criterion.h>

#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/list.h"
#include "vm/str.h"

static BtInterp *interp;
static BtThread *t;

static void setup(void) {
    interp = bt_interp_new(0, NULL, &t);
    cr_assert_not_null(interp);
    interp->native_modules = bt_stdlib_modules;
    cr_assert(bt_builtins_init(t));
}

static void teardown(void) {
    bt_interp_free(interp);
}

static size_t count_objects(void) {
    size_t n = 0;
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(interp, &walk); o; o = bt_gc_next(&walk))
        n++;
    return n;
}

/* Run src as a module with its own globals; returns them (rooted by the caller). */
static BtDict *run(const char *src) {
    BtStr *name = bt_str_from_cstr(t, "<test>");
    cr_assert_not_null(name);
    BtCode *code = bt_compile_source(t, src, strlen(src), name, BT_COMPILE_FILE);
    cr_assert_not_null(code, "compile failed");
    BtValue cv = bt_obj(code);
    BT_PUSH_ROOT(t, &cv);
    BtDict *g = bt_dict_new(t);
    BtValue gv = bt_obj(g);
    BT_PUSH_ROOT(t, &gv);
    BtValue r = bt_eval_module_code(t, code, g);
    if (bt_is_undef(r))
        bt_exc_print(t, bt_take_exc(t), stderr);
    cr_assert(!bt_is_undef(r), "program raised");
    BT_POP_ROOT(t, 2);
    return g;
}

TestSuite(gc, .init = setup, .fini = teardown);

Test(gc, rooted_list_survives_a_collection) {
    BtValue l = bt_obj(bt_list_new(t, 0));
    BT_PUSH_ROOT(t, &l);
    for (int i = 0; i < 100; i++) {
        BtStr *s = bt_str_format(t, "item %d", i);
        cr_assert(bt_list_append(t, bt_as_list(l), bt_obj(s)));
    }
    bt_gc_collect(t);
    BtList *list = bt_as_list(l);
    cr_assert_eq(list->len, 100);
    cr_assert_str_eq(bt_as_str(list->items[42])->data, "item 42");
    BT_POP_ROOT(t, 1);
}

Test(gc, a_long_list_is_marked_a_chunk_at_a_time) {
    /* 100,000 lists, each holding a fresh str, in one list: every one
     * survives, and the gray stack holds a range and a chunk at a time
     * instead of an entry per item. */
    BtValue l = bt_obj(bt_list_new(t, 0));
    BT_PUSH_ROOT(t, &l);
    for (int i = 0; i < 100000; i++) {
        BtList *inner = bt_list_new(t, 0);
        cr_assert_not_null(inner);
        BtValue iv = bt_obj(inner);
        BT_PUSH_ROOT(t, &iv);
        cr_assert(bt_list_append(t, bt_as_list(l), iv));
        BT_POP_ROOT(t, 1);
        BtStr *s = bt_str_format(t, "item %d", i);
        cr_assert_not_null(s);
        cr_assert(bt_list_append(t, inner, bt_obj(s)));
    }
    bt_gc_collect(t);
    bt_gc_collect(t);
    cr_assert_lt(interp->heap.gray_cap, 4096, "gray stack grew to %zu entries",
                 interp->heap.gray_cap);
    BtList *list = bt_as_list(l);
    for (int i = 0; i < 100000; i += 997) {
        BtList *inner = bt_as_list(list->items[i]);
        char want[32];
        snprintf(want, sizeof want, "item %d", i);
        cr_assert_str_eq(bt_as_str(inner->items[0])->data, want);
    }
    BT_POP_ROOT(t, 1);
}

Test(gc, unreachable_objects_are_freed) {
    bt_gc_collect(t);
    size_t before = count_objects();
    for (int i = 0; i < 1000; i++)
        cr_assert_not_null(bt_str_format(t, "garbage %d", i));
    if (!interp->heap.stress) /* under BATON_GC_STRESS each allocation already collected */
        cr_assert_geq(count_objects(), before + 1000);
    bt_gc_collect(t);
    cr_assert_leq(count_objects(), before);
}

Test(gc, reference_cycles_are_freed) {
    bt_gc_collect(t);
    size_t before = count_objects();
    /* Two lists that hold each other, reachable from nothing once dropped. */
    BtValue a = bt_obj(bt_list_new(t, 0));
    BT_PUSH_ROOT(t, &a);
    BtValue b = bt_obj(bt_list_new(t, 0));
    cr_assert(bt_list_append(t, bt_as_list(a), b));
    cr_assert(bt_list_append(t, bt_as_list(b), a));
    BT_POP_ROOT(t, 1);
    bt_gc_collect(t);
    cr_assert_leq(count_objects(), before);
}

Test(gc, python_cycles_in_a_loop_run_in_bounded_memory) {
    /* 200,000 self-referencing objects: without cycle collection this would
     * keep every one alive; with it the live heap stays small. */
    BtDict *g = run("class Node:\n"
                    "    pass\n"
                    "for i in range(200000):\n"
                    "    n = Node()\n"
                    "    n.me = n\n"
                    "    n.other = [n, {'n': n}]\n");
    (void)g;
    bt_gc_collect(t);
    cr_assert_lt(interp->heap.bytes_live, (size_t)4 << 20, "live heap %zu bytes",
                 interp->heap.bytes_live);
    cr_assert_gt(interp->heap.collections, 1);
}

Test(gc, suspended_generator_survives_while_referenced) {
    BtDict *g = run("def gen():\n"
                    "    x = [1, 2, 3]\n"
                    "    yield sum(x)\n"
                    "    yield len(x)\n"
                    "g = gen()\n"
                    "first = next(g)\n");
    BtValue gv = bt_obj(g);
    BT_PUSH_ROOT(t, &gv);
    for (int i = 0; i < 3; i++)
        bt_gc_collect(t);
    BtValue gen = bt_dict_get_str(g, bt_str_intern_cstr(t, "g"));
    cr_assert(bt_is_obj(gen));
    BtValue v = bt_next(t, gen);
    cr_assert(bt_is_int(v));
    cr_assert_eq(bt_as_i64(v), 3);
    BT_POP_ROOT(t, 1);
}

Test(gc, small_objects_from_chunks_stay_distinct_and_are_recycled) {
    /* More str objects than one chunk holds, rooted in a list: all distinct
     * and intact after collections; dropped, their blocks are reused. */
    BtList *l = bt_list_new(t, 0);
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    char text[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(text, sizeof text, "s%d", i);
        BtStr *s = bt_str_from_cstr(t, text);
        cr_assert_not_null(s);
        cr_assert_eq(s->hdr.flags, 0);
        cr_assert(bt_list_append(t, l, bt_obj(s)));
    }
    bt_gc_collect(t);
    for (int i = 0; i < 5000; i++) {
        snprintf(text, sizeof text, "s%d", i);
        cr_assert_str_eq(bt_as_str(l->items[i])->data, text);
        for (int j = 0; j < i && j < 3; j++)
            cr_assert_neq(bt_as_obj(l->items[i]), bt_as_obj(l->items[j]));
    }
    size_t before = count_objects();
    l->len = 0;
    bt_gc_collect(t);
    cr_assert_lt(count_objects(), before - 4000);
    BtStr *again = bt_str_from_cstr(t, "again");
    cr_assert_str_eq(again->data, "again");
    cr_assert_eq(again->hash, -1);
    BT_POP_ROOT(t, 1);
}

Test(gc, emptied_pages_are_reused_by_other_sizes_and_sweeps_skip_untouched_blocks) {
    /* Fill several pages with strs of one size, drop them: the emptied pages
     * leave the class (kept as spares, as many as the next collection's
     * threshold may fill), and objects of another size reuse them
     * rather than growing the heap; the heap walk sees only objects. */
    BtList *l = bt_list_new(t, 0);
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    bt_gc_collect(t);
    size_t base_pages = interp->heap.npages, base_objects = count_objects();
    for (int i = 0; i < 60000; i++) { /* 2 MB: more than the smallest threshold */
        BtStr *s = bt_str_from_cstr(t, "twenty-four byte text..");
        cr_assert_not_null(s);
        cr_assert(bt_list_append(t, l, bt_obj(s)));
    }
    size_t full_pages = interp->heap.npages;
    (void)full_pages;
#if !defined(__SANITIZE_ADDRESS__) /* there, every object is malloc'ed on its own */
    cr_assert_gt(full_pages, base_pages + 24, "60,000 strs fill many pages");
#endif
    cr_assert_geq(count_objects(), base_objects + 60000);
    l->len = 0;
    bt_gc_collect(t);
    cr_assert_leq(interp->heap.npages, base_pages + 1, "emptied pages leave the class");
    cr_assert_leq((size_t)interp->heap.nspare_pages * (64 << 10), interp->heap.threshold,
                  "spare pages (64 KB each) beyond the threshold are freed");
    cr_assert_leq(count_objects(), base_objects + 2);
    /* Tuples of 3 are another size class: the spares serve them first. */
    for (int i = 0; i < 2000; i++) {
        BtValue items[3] = {bt_int(i), bt_int(i + 1), bt_int(i + 2)};
        BtTuple *tu = bt_tuple_from(t, items, 3);
        cr_assert_not_null(tu);
        cr_assert(bt_list_append(t, l, bt_obj(tu)));
    }
    bt_gc_collect(t);
    for (int i = 0; i < 2000; i++)
        cr_assert_eq(bt_as_i64(((BtTuple *)bt_as_obj(l->items[i]))->items[2]), i + 2);
#if !defined(__SANITIZE_ADDRESS__)
    cr_assert_lt(interp->heap.npages, full_pages);
#endif
    BT_POP_ROOT(t, 1);
}

/* A tuple of 24 items is 224 bytes: a size class nothing uses at start-up. */
static __attribute__((unused)) BtValue tuple_of_224_bytes(void) {
    BtValue items[24];
    for (int i = 0; i < 24; i++)
        items[i] = bt_int(i);
    BtTuple *tu = bt_tuple_from(t, items, 24);
    cr_assert_not_null(tu);
    return bt_obj(tu);
}

Test(gc, free_blocks_behind_a_full_page_are_reused) {
#if defined(__SANITIZE_ADDRESS__)
    cr_skip_test("under AddressSanitizer every object is malloc'ed on its own: no pages");
#else
    /* Page A gets 100 dropped tuples and 192 kept ones, page B (newer, so
     * swept first) 292 kept ones and no free block. The sweep must still
     * link A's 100 free blocks: taking them again needs no new page. */
    BtList *l = bt_list_new(t, 0);
    BtValue lv = bt_obj(l);
    BT_PUSH_ROOT(t, &lv);
    size_t pages_before = interp->heap.npages;
    for (int i = 0; i < 100; i++)
        (void)tuple_of_224_bytes();
    for (int i = 0; i < 192 + 292; i++)
        cr_assert(bt_list_append(t, l, tuple_of_224_bytes()));
    cr_assert_eq(interp->heap.npages, pages_before + 2, "two pages of 292 blocks");
    bt_gc_collect(t);
    size_t pages_after = interp->heap.npages;
    for (int i = 0; i < 100; i++)
        cr_assert(bt_list_append(t, l, tuple_of_224_bytes()));
    cr_assert_eq(interp->heap.npages, pages_after, "the 100 free blocks were reused");
    BT_POP_ROOT(t, 1);
#endif
}
