/* opcodes.c: the tables generated from the one list in opcodes.h (vm stage;
 * see vm/README.md). Names, operand kinds, meanings and stack effects all
 * expand from BT_OPCODES, so a new instruction is one line in the header.
 */
#include "vm/opcodes.h"

#include <stddef.h>

static const char *const op_names[BT_OPCODE__COUNT] = {
#define BT_OP_NAME(name, kind, eff, jeff, meaning) #name,
    BT_OPCODES(BT_OP_NAME)
#undef BT_OP_NAME
};

static const BtArgKind op_kinds[BT_OPCODE__COUNT] = {
#define BT_OP_KIND(name, kind, eff, jeff, meaning) kind,
    BT_OPCODES(BT_OP_KIND)
#undef BT_OP_KIND
};

static const char *const op_meanings[BT_OPCODE__COUNT] = {
#define BT_OP_MEANING(name, kind, eff, jeff, meaning) meaning,
    BT_OPCODES(BT_OP_MEANING)
#undef BT_OP_MEANING
};

const char *bt_op_name(int op) {
    if (op < 0 || op >= BT_OPCODE__COUNT)
        return "<invalid>";
    return op_names[op];
}

BtArgKind bt_op_arg_kind(int op) {
    if (op < 0 || op >= BT_OPCODE__COUNT)
        return BT_ARG_NONE;
    return op_kinds[op];
}

const char *bt_op_meaning(int op) {
    if (op < 0 || op >= BT_OPCODE__COUNT)
        return "";
    return op_meanings[op];
}

/* The effects are expressions in `arg`, so they are evaluated per call. */
int bt_op_stack_effect(int op, uint32_t arg, int jump) {
    (void)arg;
    switch (op) {
#define BT_OP_EFFECT(name, kind, eff, jeff, meaning)                                               \
    case BT_OP_##name:                                                                             \
        return jump ? (int)(jeff) : (int)(eff);
        BT_OPCODES(BT_OP_EFFECT)
#undef BT_OP_EFFECT
    default:
        return 0;
    }
}

int bt_op_is_jump(int op) {
    return op >= 0 && op < BT_OPCODE__COUNT &&
           (op_kinds[op] == BT_ARG_JUMP || op_kinds[op] == BT_ARG_COMPARE_JUMP);
}
