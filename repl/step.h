/* step.h: the stepper, a debugger for students (repl stage; see repl/README.md).
 *
 * A BtStepper is a VM hook that stops before each new source line (or each
 * instruction) and reads commands, pdb's where pdb has them: s, n, si, f/r,
 * until, c (Ctrl-C stops it again), b LINE|FILE:LINE|FUNCTION, cl, bt/w,
 * stack, locals, gens [NAME], p EXPR, l, ll, q, help. Commands come from the terminal (with
 * readline) or, when stdin is a pipe, from stdin, echoed, so sessions can be
 * scripted. Used by `baton --step FILE` and the REPL's `:step STATEMENT`.
 */
#ifndef BT_STEP_H
#define BT_STEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "vm/hook.h"

typedef struct BtStepper BtStepper;

/* A stepper printing to out; filename/src/len is the program being stepped
 * (its lines are shown, and `b LINE` refers to it). NULL without memory. */
BtStepper *bt_step_new(FILE *out, const char *filename, const char *src, size_t len);
void bt_step_free(BtStepper *st);
/* Where the source of code whose file name is "<...>" comes from (the REPL's
 * earlier inputs): lookup returns the text that compiled to code, or NULL. */
typedef const char *(*BtStepSourceFn)(BtThread *t, BtCode *code, size_t *len, void *data);
void bt_step_set_source_lookup(BtStepper *st, BtStepSourceFn lookup, void *data);
void bt_step_attach(BtThread *t, BtStepper *st);
void bt_step_detach(BtThread *t, BtStepper *st);
/* True after `q`: the stepper raised SystemExit to stop the program, and the
 * caller should treat that exception as a quiet, successful end. */
bool bt_step_quit_requested(const BtStepper *st);

/* Every thread, oldest first, with its name, state (running, waiting for the
 * GIL, blocked in recv...) and line; `*` marks t (`threads`, `:threads`). */
void bt_step_print_threads(BtThread *t, FILE *out);
/* Every live generator with its state and line, by function (source order),
 * then number (`gens`, `:gens`). */
void bt_step_print_gens(BtThread *t, FILE *out);
/* The live generator called `name`: "my_range#2" (its instance name) or a
 * global of __main__ bound to it; NULL when none is. Runs a collection. */
BtGen *bt_step_find_gen(BtThread *t, const char *name);
/* One generator in full (`:gens NAME`, `gens NAME`): its state, the line it
 * is paused at, what it waits on, its locals. false when no generator has
 * that name. lookup (may be NULL) finds the source of code typed earlier. */
bool bt_step_print_gen(BtThread *t, FILE *out, const char *name, BtStepSourceFn lookup,
                       void *data);

#endif
