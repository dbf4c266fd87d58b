/* opcodes.h: the instruction set, the only list of it (vm stage; see vm/README.md).
 *
 * An instruction is one 32-bit word: the opcode in the low 8 bits and its
 * argument in the high 24 (no EXTENDED_ARG). Offsets shown by dis and the
 * tracer count instructions. The set follows CPython 3.11's closely, so a
 * student can set `baton --dis` beside `python3 -m dis`: calls push a NULL
 * (an empty slot) or a self below the callable, exceptions are caught
 * through a per-code handler table instead of SETUP_* blocks, and in-place
 * and binary arithmetic share BINARY_OP.
 *
 * X(NAME, operand kind, stack effect if it falls through, stack effect if it
 *   jumps, meaning). Effects may use `arg`. The X-macro expands into the
 * enum, the names, the operand kinds, the effects (the compiler's max-depth
 * pass) and the eval loop's label table.
 */
#ifndef BT_OPCODES_H
#define BT_OPCODES_H

#include <stdint.h>

typedef uint32_t BtInstr;
#define BT_INSTR(op, arg) ((BtInstr)(op) | ((BtInstr)(arg) << 8))
#define BT_INSTR_OP(ins) ((ins) & 0xffu)
#define BT_INSTR_ARG(ins) ((ins) >> 8)
#define BT_ARG_MAX 0xffffffu

/* How dis and the tracer explain an argument. */
typedef enum {
    BT_ARG_NONE,    /* no argument */
    BT_ARG_INT,     /* a plain count or depth */
    BT_ARG_CONST,   /* index into co_consts: shown as its repr */
    BT_ARG_NAME,    /* index into co_names */
    BT_ARG_GLOBAL,  /* (index into co_names) << 1 | push NULL first */
    BT_ARG_LOCAL,   /* index into co_varnames */
    BT_ARG_DEREF,   /* index into locals+cells+frees: shown as the variable name */
    BT_ARG_JUMP,    /* absolute instruction index: "to N" */
    BT_ARG_BINOP,   /* BtBinOp, in-place ones offset by BT_BINOP__COUNT: "+", "+=" */
    BT_ARG_COMPARE, /* BtCompareOp: "<", "==" */
    BT_ARG_INVERT,  /* 0 or 1: is / is not, in / not in */
    BT_ARG_FORMAT,  /* FORMAT_VALUE flags: conversion (low 2 bits) | has spec (4) */
    /* The argument kinds of superinstructions (two instructions fused by the
     * compiler, see "Superinstructions" in vm/README.md): */
    BT_ARG_LOCAL_LOCAL,  /* first local << 12 | second local: "(a, b)" */
    BT_ARG_LOCAL_CONST,  /* local << 12 | constant index: "(i, 1)" */
    BT_ARG_BINOP_LOCAL,  /* local << 5 | BINARY_OP argument: "(+=, total)" */
    BT_ARG_COMPARE_JUMP, /* target << 3 | BtCompareOp: "(<, to 18)" */
} BtArgKind;

/* Field widths of the superinstruction arguments. */
#define BT_ARG_PAIR_BITS 12 /* each half of LOCAL_LOCAL and LOCAL_CONST */
#define BT_ARG_BINOP_BITS 5
#define BT_ARG_COMPARE_BITS 3

/* FORMAT_VALUE conversions (low two bits of its argument). */
enum { BT_FMT_NONE = 0, BT_FMT_STR = 1, BT_FMT_REPR = 2, BT_FMT_ASCII = 3, BT_FMT_SPEC = 4 };

/* MAKE_FUNCTION flags: which extra values sit below the code object. */
enum { BT_MF_DEFAULTS = 1, BT_MF_KWDEFAULTS = 2, BT_MF_CLOSURE = 8 };

#define BT_OPCODES(X)                                                                              \
    /* name            operand        fall     jump  meaning */                                    \
    X(NOP,              BT_ARG_NONE,    0,      0,  "do nothing")                                  \
    X(RESUME,           BT_ARG_INT,     0,      0,  "frame starts (0) or resumes after yield (1)") \
    X(POP_TOP,          BT_ARG_NONE,    -1,     0,  "discard TOS")                                 \
    X(PUSH_NULL,        BT_ARG_NONE,    1,      0,  "push an empty slot (no self) for CALL")       \
    X(COPY,             BT_ARG_INT,     1,      0,  "push a copy of the arg-th item")              \
    X(SWAP,             BT_ARG_INT,     0,      0,  "swap TOS with the arg-th item")               \
    X(LOAD_CONST,       BT_ARG_CONST,   1,      0,  "push a constant")                             \
    X(LOAD_FAST,        BT_ARG_LOCAL,   1,      0,  "push a local variable (surely bound here)")   \
    X(LOAD_FAST_CHECK,  BT_ARG_LOCAL,   1,      0,  "push a local variable that may be unbound")   \
    X(STORE_FAST,       BT_ARG_LOCAL,   -1,     0,  "pop into a local variable")                   \
    X(DELETE_FAST,      BT_ARG_LOCAL,   0,      0,  "unbind a local variable")                     \
    X(MAKE_CELL,        BT_ARG_DEREF,   0,      0,  "put a fresh cell in a cell slot")             \
    X(LOAD_CLOSURE,     BT_ARG_DEREF,   1,      0,  "push the cell itself (to build a closure)")   \
    X(LOAD_DEREF,       BT_ARG_DEREF,   1,      0,  "push the value in a cell")                    \
    X(LOAD_CLASSDEREF,  BT_ARG_DEREF,   1,      0,  "class body: locals dict first, then cell")    \
    X(STORE_DEREF,      BT_ARG_DEREF,   -1,     0,  "pop into a cell")                             \
    X(DELETE_DEREF,     BT_ARG_DEREF,   0,      0,  "empty a cell")                                \
    X(LOAD_GLOBAL,      BT_ARG_GLOBAL,  1 + (arg & 1), 0, "push a global or builtin")              \
    X(STORE_GLOBAL,     BT_ARG_NAME,    -1,     0,  "pop into a global")                           \
    X(DELETE_GLOBAL,    BT_ARG_NAME,    0,      0,  "unbind a global")                             \
    X(LOAD_NAME,        BT_ARG_NAME,    1,      0,  "push a name: locals, globals, builtins")      \
    X(STORE_NAME,       BT_ARG_NAME,    -1,     0,  "pop into the locals dict")                    \
    X(DELETE_NAME,      BT_ARG_NAME,    0,      0,  "unbind a name in the locals dict")            \
    X(LOAD_ATTR,        BT_ARG_NAME,    0,      0,  "replace TOS with TOS.name")                   \
    X(STORE_ATTR,       BT_ARG_NAME,    -2,     0,  "TOS.name = TOS1")                             \
    X(DELETE_ATTR,      BT_ARG_NAME,    -1,     0,  "del TOS.name")                                \
    X(LOAD_METHOD,      BT_ARG_NAME,    1,      0,  "push method and self (or NULL and TOS.name)") \
    X(BINARY_SUBSCR,    BT_ARG_NONE,    -1,     0,  "TOS1[TOS]")                                   \
    X(STORE_SUBSCR,     BT_ARG_NONE,    -3,     0,  "TOS1[TOS] = TOS2")                            \
    X(DELETE_SUBSCR,    BT_ARG_NONE,    -2,     0,  "del TOS1[TOS]")                               \
    X(BUILD_SLICE,      BT_ARG_INT,     1 - (int)(arg), 0, "slice of the top 2 or 3 items")        \
    X(BINARY_OP,        BT_ARG_BINOP,   -1,     0,  "TOS1 op TOS")                                 \
    X(UNARY_NEGATIVE,   BT_ARG_NONE,    0,      0,  "-TOS")                                        \
    X(UNARY_POSITIVE,   BT_ARG_NONE,    0,      0,  "+TOS")                                        \
    X(UNARY_INVERT,     BT_ARG_NONE,    0,      0,  "~TOS")                                        \
    X(UNARY_NOT,        BT_ARG_NONE,    0,      0,  "not TOS")                                     \
    X(COMPARE_OP,       BT_ARG_COMPARE, -1,     0,  "TOS1 cmp TOS")                                \
    X(IS_OP,            BT_ARG_INVERT,  -1,     0,  "TOS1 is TOS (is not, when arg is 1)")         \
    X(CONTAINS_OP,      BT_ARG_INVERT,  -1,     0,  "TOS1 in TOS (not in, when arg is 1)")         \
    X(BUILD_TUPLE,      BT_ARG_INT,     1 - (int)(arg), 0, "tuple of the top arg items")           \
    X(BUILD_LIST,       BT_ARG_INT,     1 - (int)(arg), 0, "list of the top arg items")            \
    X(BUILD_SET,        BT_ARG_INT,     1 - (int)(arg), 0, "set of the top arg items")             \
    X(BUILD_MAP,        BT_ARG_INT,     1 - 2 * (int)(arg), 0, "dict of the top arg key/value pairs") \
    X(BUILD_STRING,     BT_ARG_INT,     1 - (int)(arg), 0, "join the top arg strings")             \
    X(LIST_APPEND,      BT_ARG_INT,     -1,     0,  "append TOS to the list arg deep")             \
    X(SET_ADD,          BT_ARG_INT,     -1,     0,  "add TOS to the set arg deep")                 \
    X(MAP_ADD,          BT_ARG_INT,     -2,     0,  "store TOS1: TOS in the dict arg deep")        \
    X(LIST_EXTEND,      BT_ARG_INT,     -1,     0,  "extend the list arg deep by TOS")             \
    X(SET_UPDATE,       BT_ARG_INT,     -1,     0,  "update the set arg deep with TOS")            \
    X(DICT_UPDATE,      BT_ARG_INT,     -1,     0,  "update the dict arg deep with TOS")           \
    X(DICT_MERGE,       BT_ARG_INT,     -1,     0,  "like DICT_UPDATE, duplicate keys raise")      \
    X(LIST_TO_TUPLE,    BT_ARG_NONE,    0,      0,  "turn the list at TOS into a tuple")           \
    X(FORMAT_VALUE,     BT_ARG_FORMAT,  -((arg & BT_FMT_SPEC) != 0), 0, "format TOS for an f-string") \
    X(UNPACK_SEQUENCE,  BT_ARG_INT,     (int)(arg) - 1, 0, "push the arg items of TOS, last first") \
    X(UNPACK_EX,        BT_ARG_INT,     (int)((arg) & 0xff) + (int)((arg) >> 8), 0,                \
      "unpack TOS with a starred target (before | after << 8)")                                   \
    X(GET_LEN,          BT_ARG_NONE,    1,      0,  "push len(TOS), keeping TOS (match)")          \
    X(MATCH_MAPPING,    BT_ARG_NONE,    1,      0,  "push whether TOS is a mapping (match)")       \
    X(MATCH_SEQUENCE,   BT_ARG_NONE,    1,      0,  "push whether TOS is a sequence, not str (match)") \
    X(MATCH_KEYS,       BT_ARG_NONE,    1,      0,  "push TOS1's values for the key tuple TOS, or None") \
    X(MATCH_CLASS,      BT_ARG_INT,     -2,     0,                                                 \
      "TOS2 = attributes of TOS2 if isinstance(TOS2, TOS1), else None; arg positional, TOS names") \
    X(GET_ITER,         BT_ARG_NONE,    0,      0,  "replace TOS with iter(TOS)")                  \
    X(FOR_ITER,         BT_ARG_JUMP,    1,      -1, "push next(TOS), or pop TOS and jump")         \
    X(JUMP_FORWARD,     BT_ARG_JUMP,    0,      0,  "jump ahead")                                  \
    X(JUMP_BACKWARD,    BT_ARG_JUMP,    0,      0,  "jump back (checks the eval breaker)")         \
    X(POP_JUMP_IF_FALSE, BT_ARG_JUMP,   -1,     -1, "pop TOS, jump if false")                      \
    X(POP_JUMP_IF_TRUE, BT_ARG_JUMP,    -1,     -1, "pop TOS, jump if true")                       \
    X(POP_JUMP_IF_NONE, BT_ARG_JUMP,    -1,     -1, "pop TOS, jump if None")                       \
    X(POP_JUMP_IF_NOT_NONE, BT_ARG_JUMP, -1,    -1, "pop TOS, jump if not None")                   \
    X(JUMP_IF_FALSE_OR_POP, BT_ARG_JUMP, -1,    0,  "jump keeping TOS if false, else pop it")      \
    X(JUMP_IF_TRUE_OR_POP, BT_ARG_JUMP, -1,     0,  "jump keeping TOS if true, else pop it")       \
    X(KW_NAMES,         BT_ARG_CONST,   0,      0,  "the next CALL's keyword names")               \
    X(CALL,             BT_ARG_INT,     -1 - (int)(arg), 0, "call with arg arguments")             \
    X(CALL_FUNCTION_EX, BT_ARG_INT,     -2 - (int)((arg) & 1), 0, "call with *args (and **kwargs if arg is 1)") \
    X(MAKE_FUNCTION,    BT_ARG_INT,     -__builtin_popcount(arg), 0, "function from a code object") \
    X(LOAD_BUILD_CLASS, BT_ARG_NONE,    1,      0,  "push __build_class__")                        \
    X(RETURN_VALUE,     BT_ARG_NONE,    -1,     0,  "return TOS to the caller")                    \
    X(YIELD_VALUE,      BT_ARG_NONE,    0,      0,  "suspend, handing TOS out; resume with the sent value") \
    X(GET_YIELD_FROM_ITER, BT_ARG_NONE, 0,      0,  "iterator for yield from")                     \
    X(SEND,             BT_ARG_JUMP,    0,      -1, "send TOS into the sub-iterator TOS1; jump when it returns") \
    X(GET_AWAITABLE,    BT_ARG_INT,     0,      0,                                                 \
      "replace TOS with what await iterates (arg 1/2: it came from __aenter__/__aexit__)")         \
    X(BEFORE_ASYNC_WITH, BT_ARG_NONE,   1,      0,  "push __aexit__ and __aenter__()'s result (to await)") \
    X(GET_AITER,        BT_ARG_NONE,    0,      0,  "replace TOS with TOS.__aiter__()")            \
    X(GET_ANEXT,        BT_ARG_NONE,    1,      0,  "push the awaitable of TOS.__anext__()")       \
    X(END_ASYNC_FOR,    BT_ARG_NONE,    -2,     0,                                                 \
      "async for's handler: StopAsyncIteration at TOS pops it and the iterator, else re-raise")   \
    X(RAISE_VARARGS,    BT_ARG_INT,     -(int)(arg), 0, "raise (0: re-raise, 1: TOS, 2: TOS1 from TOS)") \
    X(RERAISE,          BT_ARG_NONE,    -1,     0,  "re-raise TOS, keeping its traceback")         \
    X(PUSH_EXC_INFO,    BT_ARG_NONE,    1,      0,  "save the handled exception; TOS is now handled") \
    X(POP_EXCEPT,       BT_ARG_NONE,    -1,     0,  "restore the handled exception from TOS")      \
    X(CHECK_EXC_MATCH,  BT_ARG_NONE,    0,      0,  "TOS = isinstance(TOS1, TOS) for except")      \
    X(LOAD_ASSERTION_ERROR, BT_ARG_NONE, 1,     0,  "push AssertionError")                         \
    X(BEFORE_WITH,      BT_ARG_NONE,    1,      0,  "push __exit__ and the result of __enter__")   \
    X(WITH_EXCEPT_START, BT_ARG_NONE,   1,      0,  "call __exit__ with the exception at TOS")     \
    X(IMPORT_NAME,      BT_ARG_NAME,    -1,     0,  "import a module (TOS1 level, TOS fromlist)")  \
    X(IMPORT_FROM,      BT_ARG_NAME,    1,      0,  "push TOS.name for from-import")               \
    X(IMPORT_STAR,      BT_ARG_NONE,    -1,     0,  "from TOS import *")                           \
    X(PRINT_EXPR,       BT_ARG_NONE,    -1,     0,  "REPL: show repr(TOS), set _")                 \
    X(SETUP_ANNOTATIONS, BT_ARG_NONE,   0,      0,  "make __annotations__")                       \
    /* superinstructions: the compiler fuses two neighbours on one line */                       \
    X(LOAD_FAST_LOAD_FAST, BT_ARG_LOCAL_LOCAL, 2, 0, "push two local variables")                  \
    X(LOAD_FAST_LOAD_CONST, BT_ARG_LOCAL_CONST, 2, 0, "push a local variable, then a constant")   \
    X(BINARY_OP_STORE_FAST, BT_ARG_BINOP_LOCAL, -2, 0, "TOS1 op TOS, popped into a local")       \
    X(COMPARE_JUMP_IF_FALSE, BT_ARG_COMPARE_JUMP, -2, -2, "pop TOS1 cmp TOS, jump if false")      \
    X(COMPARE_JUMP_IF_TRUE, BT_ARG_COMPARE_JUMP, -2, -2, "pop TOS1 cmp TOS, jump if true")

typedef enum {
#define BT_OP_ENUM(name, kind, eff, jeff, meaning) BT_OP_##name,
    BT_OPCODES(BT_OP_ENUM)
#undef BT_OP_ENUM
    BT_OPCODE__COUNT
} BtOpcode;

/* Name of an opcode ("LOAD_FAST"), its operand kind and meaning. */
const char *bt_op_name(int op);
BtArgKind bt_op_arg_kind(int op);
const char *bt_op_meaning(int op);
/* Stack effect of op with arg; jump selects the effect when the jump is taken. */
int bt_op_stack_effect(int op, uint32_t arg, int jump);
/* True for instructions whose argument holds a jump target. */
int bt_op_is_jump(int op);
/* True for the jumps that may go backward, so check the eval breaker
 * when they do: JUMP_BACKWARD and the conditional jumps (and their fused
 * compare-and-jump forms). */
static inline int bt_op_may_jump_back(int op) {
    return op == BT_OP_JUMP_BACKWARD || op == BT_OP_POP_JUMP_IF_FALSE ||
           op == BT_OP_POP_JUMP_IF_TRUE || op == BT_OP_POP_JUMP_IF_NONE ||
           op == BT_OP_POP_JUMP_IF_NOT_NONE || op == BT_OP_COMPARE_JUMP_IF_FALSE ||
           op == BT_OP_COMPARE_JUMP_IF_TRUE;
}
/* The jump target held in the argument of jump instruction op. */
static inline uint32_t bt_op_jump_target(int op, uint32_t arg) {
    return op == BT_OP_COMPARE_JUMP_IF_FALSE || op == BT_OP_COMPARE_JUMP_IF_TRUE
               ? arg >> BT_ARG_COMPARE_BITS
               : arg;
}

#endif
