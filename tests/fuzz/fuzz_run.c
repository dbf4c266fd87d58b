/* fuzz_run.c: short programs run under a fuzzer (tests/fuzz/README.md).
 *
 * One input is one program. It is parsed, compiled and run as __main__ in a
 * fresh interpreter, with three fences so that any input is safe to run:
 *   - a step limit: a hook counts instructions and, past FUZZ_MAX_STEPS, raises
 *     KeyboardInterrupt at every further instruction, so `while True: pass`
 *     ends (and so does `try: while True: pass` with a bare `except:` or
 *     `finally:`, whose own instructions raise again);
 *   - no outside world: the program sees no `open`, `input` or `__import__`,
 *     and can import only modules that neither wait nor touch files or the
 *     network (not socket, select, time, _thread, scheduler), nor any .py file;
 *   - no output: stdout and stdin are /dev/null (run libFuzzer with
 *     -close_fd_mask=3 to silence sys.stderr too);
 *   - a small machine: under AddressSanitizer one allocation may not pass
 *     FUZZ_MAX_ALLOC_MB, and malloc returns NULL beyond it, so a legal
 *     program that asks for gigabytes ("%.2000000000x" % 1) gets the
 *     MemoryError it would get on a machine with little memory, instead of
 *     stopping the fuzzer as an out-of-memory; and every path that
 *     allocates is tried with a failing malloc.
 * A crash, sanitizer report or hang here is a VM bug (or a front-end one).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "parser/parser.h"
#include "stdlib/stdlib.h"
#include "tests/fuzz/fuzz.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/hook.h"
#include "vm/import.h"
#include "vm/interp.h"
#include "vm/str.h"

/* Enough for every golden script's loops to show their shape; few enough that
 * an endless loop costs a few milliseconds. */
#define FUZZ_MAX_STEPS 200000

#define FUZZ_MAX_ALLOC_MB "256"

/* Read by the AddressSanitizer runtime at start-up (unused in other builds). */
__attribute__((used)) const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "allocator_may_return_null=1:max_allocation_size_mb=" FUZZ_MAX_ALLOC_MB;
}

/* The modules a fuzzed program may import: copied from the stdlib's table
 * minus the ones that block or reach outside the process. */
static BtNativeModuleDef allowed_modules[32];

static bool module_allowed(const char *name) {
    static const char *const refused[] = {"socket", "select", "time", "_thread", "scheduler"};
    for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
        if (strcmp(name, refused[i]) == 0)
            return false;
    return true;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    size_t n = 0;
    for (const BtNativeModuleDef *d = bt_stdlib_modules; d->name; d++)
        if (module_allowed(d->name) && n + 1 < sizeof allowed_modules / sizeof *allowed_modules)
            allowed_modules[n++] = *d;
    if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout)) {
        fputs("fuzz_run: cannot redirect stdin and stdout to /dev/null\n", stderr);
        return 1;
    }
    return 0;
}

typedef struct {
    BtHook hook;
    long steps;
} StepLimit;

static void count_step(BtThread *t, const BtEvent *ev, void *data) {
    StepLimit *limit = data;
    if (ev->kind == BT_EV_INSTR && ++limit->steps > FUZZ_MAX_STEPS && !bt_has_exc(t))
        bt_raise(t, BT_EXC(t, KeyboardInterrupt), "fuzz_run: step limit");
}

/* Take away the builtins that read, write or import from outside. */
static bool remove_outside_builtins(BtThread *t) {
    static const char *const names[] = {"open", "input", "__import__", "breakpoint"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        BtStr *key = bt_str_from_cstr(t, names[i]);
        if (!key || bt_dict_del(t, t->interp->builtins, bt_obj(key)) < 0)
            return false;
    }
    return true;
}

/* Compile and run code in the fresh interpreter of t; exceptions are dropped. */
static void run(BtThread *t, const char *src, size_t len) {
    BtArena *arena = bt_arena_new();
    if (!arena)
        return;
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, len, BT_PARSE_FILE, &err);
    BtStr *name = mod ? bt_str_from_cstr(t, "<fuzz>") : NULL;
    BtCode *code = name ? bt_compile(t, mod, name, BT_COMPILE_FILE, &err) : NULL;
    bt_arena_free(arena);
    if (!code)
        return;
    BtValue code_v = bt_obj(code);
    BT_PUSH_ROOT(t, &code_v);
    BtModule *main_mod = bt_module_new(t, BT_NAME(t, dunder_main));
    BtValue main_v = main_mod ? bt_obj(main_mod) : BT_UNDEF;
    BT_PUSH_ROOT(t, &main_v);
    if (main_mod && bt_dict_set_str(t, t->interp->modules, BT_NAME(t, dunder_main), main_v)) {
        StepLimit limit = {{count_step, NULL, true, false}, 0};
        limit.hook.data = &limit;
        t->hook = &limit.hook;
        bt_run_module_code(t, code, main_mod);
        bt_take_exc(t);
        bt_interp_shutdown(t); /* finally blocks of abandoned generators: still limited */
        bt_take_exc(t);
        t->hook = NULL;
    }
    BT_POP_ROOT(t, 2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    BtThread *t;
    BtInterp *in = bt_interp_new(0, NULL, &t);
    if (!in)
        return 0;
    in->native_modules = allowed_modules;
    in->main_path = "/nonexistent/fuzz_run"; /* no .py file to import */
    if (bt_builtins_init(t) && remove_outside_builtins(t))
        run(t, (const char *)data, size);
    bt_take_exc(t);
    fflush(stdout);
    bt_interp_free(in);
    return 0;
}
