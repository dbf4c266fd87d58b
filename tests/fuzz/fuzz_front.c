/* fuzz_front.c: the front end under a fuzzer (tests/fuzz/README.md).
 *
 * One input is one source file. It goes through everything Baton does before
 * running a program: the lexer and parser (bt_parse in the three modes), the
 * `--ast` printer, the compiler and the disassembler. Nothing is run, so any
 * input is safe; a crash, a sanitizer report or a hang here is a front-end bug.
 * Built for libFuzzer with -Dfuzzing=true, and into fuzz_front_replay (with
 * replay.c) for `meson test`.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "parser/parser.h"
#include "stdlib/stdlib.h"
#include "tests/fuzz/fuzz.h"
#include "vm/compile.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/interp.h"
#include "vm/str.h"

/* One interpreter for every input: compiling needs one (code objects, interned
 * names, int constants), and making a fresh one per input would cost most of
 * the time. Code objects are garbage once an input is done. */
static BtInterp *interp;
static BtThread *thread;
static FILE *sink; /* /dev/null: the printers run for their crashes, not their text */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    interp = bt_interp_new(0, NULL, &thread);
    sink = fopen("/dev/null", "w");
    if (!interp || !sink || !bt_builtins_init(thread)) {
        fputs("fuzz_front: cannot start an interpreter\n", stderr);
        return 1;
    }
    return 0;
}

/* Parse src in one mode, print the tree, compile it and disassemble the code. */
static void front_end(const char *src, size_t len, BtParseMode mode) {
    static const BtCompileMode compile_mode[] = {
        [BT_PARSE_FILE] = BT_COMPILE_FILE,
        [BT_PARSE_INTERACTIVE] = BT_COMPILE_INTERACTIVE,
        [BT_PARSE_EVAL] = BT_COMPILE_EVAL,
    };
    BtArena *arena = bt_arena_new();
    if (!arena)
        return;
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, len, mode, &err);
    if (mod) {
        bt_ast_print(mod, sink, 1);
        BtStr *name = bt_str_from_cstr(thread, "<fuzz>");
        BtCode *code = name ? bt_compile(thread, mod, name, compile_mode[mode], &err) : NULL;
        if (code) {
            BtValue code_v = bt_obj(code);
            BT_PUSH_ROOT(thread, &code_v);
            bt_dis_code(thread, code, sink, true);
            BT_POP_ROOT(thread, 1);
        }
        bt_take_exc(thread); /* MemoryError, OverflowError: a clean failure */
    }
    bt_arena_free(arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *src = (const char *)data;
    front_end(src, size, BT_PARSE_FILE);
    front_end(src, size, BT_PARSE_EVAL);
    front_end(src, size, BT_PARSE_INTERACTIVE);
    bt_ast_dump("<fuzz>", src, size, sink, sink);
    return 0;
}
