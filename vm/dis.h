/* dis.h: the disassembler (vm stage; see vm/README.md).
 *
 * Prints code objects in CPython 3.11's `dis` column layout (source line,
 * `>>` on jump targets, offset, opname, argument, `(meaning)`) with Baton's
 * own instruction set; `baton --dis`, the dis module and the tracer share it.
 */
#ifndef BT_DIS_H
#define BT_DIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "vm/func.h"

/* Disassemble code to out: every instruction, then its ExceptionTable; with
 * recursive, every nested code object in its constants after it, each under a
 * "Disassembly of <code object ...>:" header. Never raises (a constant whose
 * repr fails is shown as "?"). */
void bt_dis_code(BtThread *t, BtCode *code, FILE *out, bool recursive);

/* Disassemble code alone, marking instruction `current` with "-->" as
 * CPython's dis does for a frame's last instruction (`:dis NAME` of a
 * suspended generator). */
void bt_dis_code_at(BtThread *t, BtCode *code, uint32_t current, FILE *out);

/* Format instruction `index` of code as dis shows it from the opname on:
 * "LOAD_FAST                0 (x)" (opname padded to 20, argument right-aligned
 * in 5, then the meaning in parentheses; no trailing blanks). Writes at most
 * cap bytes including the NUL; returns the length the full text needs (as
 * snprintf). Never raises. */
int bt_dis_format_instr(BtThread *t, BtCode *code, uint32_t index, char *buf, size_t cap);

#endif
