/* dis.c: the disassembler (vm stage; see vm/README.md and dis.h).
 *
 * One formatter per operand kind (opcodes.h's BtArgKind), laid out in the
 * columns of CPython 3.11's Lib/dis.py: line number (width 3, wider past
 * line 999), the current-instruction column, `>>` for jump and handler
 * targets, the offset (width 4; Baton counts instructions), the opname in
 * 20, the argument in 5 and its meaning in parentheses.
 */
#include "vm/dis.h"

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/str.h"

/* A bounded text buffer that still counts what did not fit (snprintf style). */
typedef struct {
    char *buf;
    size_t cap;
    size_t len;
} Out;

static void out_printf(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_printf(Out *o, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t room = o->len < o->cap ? o->cap - o->len : 0;
    int n = vsnprintf(room ? o->buf + o->len : NULL, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        o->len += (size_t)n;
}

static const char *const binop_symbols[BT_BINOP__COUNT] = {
#define BT_DIS_SYM(name, sym, d, rd, id) sym,
    BT_BINOPS(BT_DIS_SYM)
#undef BT_DIS_SYM
};

static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};

/* Name at index i of a tuple of strs, or "?" when out of range. */
static const char *tuple_name(BtTuple *tup, uint32_t i) {
    if (!tup || i >= tup->len || !bt_is_obj(tup->items[i]))
        return "?";
    return ((BtStr *)bt_as_obj(tup->items[i]))->data;
}

/* Name of a slot in the combined locals + cells + frees space. */
static const char *deref_name(BtCode *code, uint32_t i) {
    if (i < (uint32_t)code->nlocals)
        return tuple_name(code->varnames, i);
    i -= (uint32_t)code->nlocals;
    if (i < (uint32_t)code->ncells)
        return tuple_name(code->cellvars, i);
    return tuple_name(code->freevars, i - (uint32_t)code->ncells);
}

/* The repr of a constant into o; a failing repr shows as "?". */
static void const_repr(BtThread *t, BtCode *code, uint32_t i, Out *o) {
    if (!code->consts || i >= code->consts->len) {
        out_printf(o, "?");
        return;
    }
    BtValue saved = t->exc;
    t->exc = BT_UNDEF;
    BtValue r = bt_repr(t, code->consts->items[i]);
    if (bt_is_undef(r) || !bt_is_str(t, r)) {
        out_printf(o, "?");
    } else {
        BtStr *s = bt_as_str(r);
        out_printf(o, "%.*s", (int)s->size, s->data);
    }
    t->exc = saved;
}

/* The `(meaning)` text of an instruction's argument; nothing when it has none. */
static void arg_meaning(BtThread *t, BtCode *code, int op, uint32_t arg, Out *o) {
    switch (bt_op_arg_kind(op)) {
    case BT_ARG_CONST:
        const_repr(t, code, arg, o);
        break;
    case BT_ARG_NAME:
        out_printf(o, "%s", tuple_name(code->names, arg));
        break;
    case BT_ARG_GLOBAL:
        out_printf(o, "%s%s", (arg & 1) ? "NULL + " : "", tuple_name(code->names, arg >> 1));
        break;
    case BT_ARG_LOCAL:
        out_printf(o, "%s", tuple_name(code->varnames, arg));
        break;
    case BT_ARG_DEREF:
        out_printf(o, "%s", deref_name(code, arg));
        break;
    case BT_ARG_JUMP:
        out_printf(o, "to %u", arg);
        break;
    case BT_ARG_BINOP:
        if (arg < BT_BINOP__COUNT)
            out_printf(o, "%s", binop_symbols[arg]);
        else if (arg < 2 * BT_BINOP__COUNT)
            out_printf(o, "%s=", binop_symbols[arg - BT_BINOP__COUNT]);
        break;
    case BT_ARG_COMPARE:
        if (arg < sizeof compare_symbols / sizeof *compare_symbols)
            out_printf(o, "%s", compare_symbols[arg]);
        break;
    case BT_ARG_LOCAL_LOCAL:
        out_printf(o, "%s, %s", tuple_name(code->varnames, arg >> BT_ARG_PAIR_BITS),
                   tuple_name(code->varnames, arg & ((1u << BT_ARG_PAIR_BITS) - 1)));
        break;
    case BT_ARG_LOCAL_CONST:
        out_printf(o, "%s, ", tuple_name(code->varnames, arg >> BT_ARG_PAIR_BITS));
        const_repr(t, code, arg & ((1u << BT_ARG_PAIR_BITS) - 1), o);
        break;
    case BT_ARG_BINOP_LOCAL:
        arg_meaning(t, code, BT_OP_BINARY_OP, arg & ((1u << BT_ARG_BINOP_BITS) - 1), o);
        out_printf(o, ", %s", tuple_name(code->varnames, arg >> BT_ARG_BINOP_BITS));
        break;
    case BT_ARG_COMPARE_JUMP:
        arg_meaning(t, code, BT_OP_COMPARE_OP, arg & ((1u << BT_ARG_COMPARE_BITS) - 1), o);
        out_printf(o, ", to %u", arg >> BT_ARG_COMPARE_BITS);
        break;
    case BT_ARG_FORMAT: {
        static const char *const conv[] = {"", "str", "repr", "ascii"};
        out_printf(o, "%s", conv[arg & 3]);
        if (arg & BT_FMT_SPEC)
            out_printf(o, "%swith format", (arg & 3) ? ", " : "");
        break;
    }
    case BT_ARG_INT:
        if (op == BT_OP_MAKE_FUNCTION) {
            static const struct {
                uint32_t bit;
                const char *name;
            } flags[] = {{BT_MF_DEFAULTS, "defaults"},
                         {BT_MF_KWDEFAULTS, "kwdefaults"},
                         {BT_MF_CLOSURE, "closure"}};
            const char *sep = "";
            for (size_t k = 0; k < sizeof flags / sizeof *flags; k++) {
                if (arg & flags[k].bit) {
                    out_printf(o, "%s%s", sep, flags[k].name);
                    sep = ", ";
                }
            }
        }
        break;
    case BT_ARG_NONE:
    case BT_ARG_INVERT:
        break;
    }
}

/* The instruction from the opname on, into o (no trailing blanks). */
static void format_instr(BtThread *t, BtCode *code, uint32_t index, Out *o) {
    BtInstr ins = code->instrs[index];
    int op = (int)BT_INSTR_OP(ins);
    uint32_t arg = BT_INSTR_ARG(ins);
    if (bt_op_arg_kind(op) == BT_ARG_NONE) {
        out_printf(o, "%s", bt_op_name(op));
        return;
    }
    out_printf(o, "%-20s %5u", bt_op_name(op), arg);
    char meaning[512];
    Out m = {meaning, sizeof meaning, 0};
    arg_meaning(t, code, op, arg, &m);
    if (m.len > 0) {
        if (m.len >= sizeof meaning) {
            /* too long for the scratch buffer: print it straight into o */
            out_printf(o, " (");
            arg_meaning(t, code, op, arg, o);
            out_printf(o, ")");
        } else {
            out_printf(o, " (%s)", meaning);
        }
    }
}

int bt_dis_format_instr(BtThread *t, BtCode *code, uint32_t index, char *buf, size_t cap) {
    Out o = {buf, cap, 0};
    if (cap)
        buf[0] = 0;
    if (index >= code->ninstrs)
        return 0;
    format_instr(t, code, index, &o);
    return (int)o.len;
}

static bool is_target(BtCode *code, uint32_t index) {
    for (uint32_t i = 0; i < code->ninstrs; i++) {
        int op = (int)BT_INSTR_OP(code->instrs[i]);
        if (bt_op_is_jump(op) && bt_op_jump_target(op, BT_INSTR_ARG(code->instrs[i])) == index)
            return true;
    }
    for (uint32_t i = 0; i < code->nhandlers; i++)
        if (code->handlers[i].target == index)
            return true;
    return false;
}

static int digits(long v) {
    int n = 1;
    while (v >= 10) {
        v /= 10;
        n++;
    }
    return n;
}

static void dis_one(BtThread *t, BtCode *code, FILE *out, int64_t current) {
    int maxline = 0;
    for (uint32_t i = 0; i < code->nlines; i++)
        if (code->lines[i].line > maxline)
            maxline = code->lines[i].line;
    int line_w = maxline >= 1000 ? digits(maxline) : 3;
    int off_w = code->ninstrs > 0 && code->ninstrs - 1 >= 10000 ? digits(code->ninstrs - 1) : 4;
    uint32_t run = 0;
    /* one bit per instruction would do; a byte array keeps it simple */
    uint8_t *targets = calloc(code->ninstrs ? code->ninstrs : 1, 1);
    if (targets) {
        for (uint32_t i = 0; i < code->ninstrs; i++) {
            int op = (int)BT_INSTR_OP(code->instrs[i]);
            uint32_t a = bt_op_jump_target(op, BT_INSTR_ARG(code->instrs[i]));
            if (bt_op_is_jump(op) && a < code->ninstrs)
                targets[a] = 1;
        }
        for (uint32_t i = 0; i < code->nhandlers; i++)
            if (code->handlers[i].target < code->ninstrs)
                targets[code->handlers[i].target] = 1;
    }
    for (uint32_t i = 0; i < code->ninstrs; i++) {
        bool starts_line = run < code->nlines && code->lines[run].start == i;
        if (starts_line) {
            run++;
            if (i > 0)
                fputc('\n', out);
        }
        char buf[256];
        Out o = {buf, sizeof buf, 0};
        if (starts_line)
            out_printf(&o, "%*d", line_w, code->lines[run - 1].line);
        else
            out_printf(&o, "%*s", line_w, "");
        bool target = targets ? targets[i] != 0 : is_target(code, i);
        /* CPython's current-instruction column: "-->" where a frame is paused. */
        out_printf(&o, " %s %s %*u ", (int64_t)i == current ? "-->" : "   ", target ? ">>" : "  ",
                   off_w, i);
        if (o.len < sizeof buf) {
            char instr[4096];
            Out oi = {instr, sizeof instr, 0};
            format_instr(t, code, i, &oi);
            if (oi.len < sizeof instr) {
                fprintf(out, "%s%s\n", buf, instr);
                continue;
            }
            char *big = malloc(oi.len + 1);
            if (big) {
                Out ob = {big, oi.len + 1, 0};
                format_instr(t, code, i, &ob);
                fprintf(out, "%s%s\n", buf, big);
                free(big);
                continue;
            }
            fprintf(out, "%s%s\n", buf, instr);
        }
    }
    free(targets);
    if (code->nhandlers > 0) {
        fprintf(out, "ExceptionTable:\n");
        for (uint32_t i = 0; i < code->nhandlers; i++) {
            const BtHandler *h = &code->handlers[i];
            fprintf(out, "  %u to %u -> %u [%u]\n", h->start, h->end - 1, h->target, h->depth);
        }
    }
}

void bt_dis_code_at(BtThread *t, BtCode *code, uint32_t current, FILE *out) {
    dis_one(t, code, out, current);
}

void bt_dis_code(BtThread *t, BtCode *code, FILE *out, bool recursive) {
    dis_one(t, code, out, -1);
    if (!recursive || !code->consts)
        return;
    for (size_t i = 0; i < code->consts->len; i++) {
        BtValue v = code->consts->items[i];
        if (!bt_is_obj(v) || bt_as_obj(v)->type != BT_TYPE(t, code))
            continue;
        fprintf(out, "\nDisassembly of ");
        char buf[512];
        Out o = {buf, sizeof buf, 0};
        const_repr(t, code, (uint32_t)i, &o);
        fprintf(out, "%s:\n", buf);
        bt_dis_code(t, (BtCode *)bt_as_obj(v), out, true);
    }
}
