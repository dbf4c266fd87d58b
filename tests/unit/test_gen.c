/* test_gen.c: generator frames suspend and resume without copying (vm/gen.c). */
#include <criterion/criterion.h>

#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/str.h"

static BtInterp *interp;
static BtThread *t;
static BtValue globals;

static void setup(void) {
    interp = bt_interp_new(0, NULL, &t);
    cr_assert_not_null(interp);
    interp->native_modules = bt_stdlib_modules;
    cr_assert(bt_builtins_init(t));
    globals = BT_UNDEF;
    BT_PUSH_ROOT(t, &globals);
}

static void teardown(void) {
    BT_POP_ROOT(t, 1);
    bt_interp_free(interp);
}

/* Run src in the suite's globals and return the generator bound to `name`. */
static BtGen *make(const char *src, const char *name) {
    BtStr *fname = bt_str_from_cstr(t, "<test>");
    BtCode *code = bt_compile_source(t, src, strlen(src), fname, BT_COMPILE_FILE);
    cr_assert_not_null(code);
    BtValue cv = bt_obj(code);
    BT_PUSH_ROOT(t, &cv);
    globals = bt_obj(bt_dict_new(t));
    cr_assert(!bt_is_undef(bt_eval_module_code(t, code, bt_as_dict(globals))));
    BT_POP_ROOT(t, 1);
    BtValue g = bt_dict_get_str(bt_as_dict(globals), bt_str_intern_cstr(t, name));
    cr_assert(bt_is_obj(g) && bt_as_obj(g)->type == BT_TYPE(t, generator));
    return (BtGen *)bt_as_obj(g);
}

TestSuite(gen, .init = setup, .fini = teardown);

Test(gen, resume_keeps_the_same_frame_and_locals) {
    BtGen *g = make("def f(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n"
                    "g = f(3)\n",
                    "g");
    BtValue *slots_before = bt_frame_slots(&g->frame);
    BtValue out;
    for (int64_t i = 0; i < 3; i++) {
        cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_YIELDED);
        cr_assert_eq(bt_as_i64(out), i);
        cr_assert_eq(bt_gen_state(g), BT_GEN_SUSPENDED);
        cr_assert_eq(bt_frame_slots(&g->frame), slots_before, "the frame must not move");
        cr_assert_eq(bt_as_i64(bt_frame_slots(&g->frame)[1]), i, "local i lives in the generator's own slots");
    }
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_RETURNED);
    cr_assert_eq(bt_gen_state(g), BT_GEN_DONE);
}

Test(gen, send_to_unstarted_gen_raises) {
    BtGen *g = make("def f():\n    x = yield 1\ng = f()\n", "g");
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, bt_int(5), BT_UNDEF, &out), BT_RESUME_RAISED);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, TypeError)));
    bt_take_exc(t);
    cr_assert_eq(bt_gen_state(g), BT_GEN_CREATED, "a refused send leaves it unstarted");
}

Test(gen, sent_value_becomes_the_yield_expression) {
    BtGen *g = make("def f():\n    total = 0\n    while True:\n        total += yield total\n"
                    "g = f()\n",
                    "g");
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_YIELDED);
    cr_assert_eq(bt_as_i64(out), 0);
    cr_assert_eq(bt_gen_resume(t, g, bt_int(5), BT_UNDEF, &out), BT_RESUME_YIELDED);
    cr_assert_eq(bt_as_i64(out), 5);
    cr_assert_eq(bt_gen_resume(t, g, bt_int(7), BT_UNDEF, &out), BT_RESUME_YIELDED);
    cr_assert_eq(bt_as_i64(out), 12);
}

Test(gen, return_value_is_reported_as_returned) {
    BtGen *g = make("def f():\n    yield 1\n    return 42\ng = f()\n", "g");
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_YIELDED);
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_RETURNED);
    cr_assert_eq(bt_as_i64(out), 42);
}

Test(gen, thrown_exception_is_raised_at_the_yield_and_can_be_caught) {
    BtGen *g = make("def f():\n    try:\n        yield 1\n    except ValueError:\n        yield 2\n"
                    "g = f()\n",
                    "g");
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_YIELDED);
    bt_raise(t, BT_EXC(t, ValueError), "boom");
    BtValue exc = bt_take_exc(t);
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, exc, &out), BT_RESUME_YIELDED);
    cr_assert_eq(bt_as_i64(out), 2);
}

Test(gen, stopiteration_escaping_becomes_runtime_error) {
    BtGen *g = make("def f():\n    raise StopIteration\n    yield\ng = f()\n", "g");
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_RAISED);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, RuntimeError)));
    bt_take_exc(t);
}

Test(gen, resuming_a_running_generator_raises_value_error) {
    BtGen *g = make("def f():\n    yield 1\ng = f()\n", "g");
    bt_gen_set_state(g, BT_GEN_RUNNING);
    BtValue out;
    cr_assert_eq(bt_gen_resume(t, g, BT_NONE, BT_UNDEF, &out), BT_RESUME_RAISED);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, ValueError)));
    bt_take_exc(t);
    bt_gen_set_state(g, BT_GEN_CREATED);
}
