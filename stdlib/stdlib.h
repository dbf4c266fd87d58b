/* stdlib.h: the registry of built-in modules (stdlib stage; see stdlib/README.md).
 *
 * Each module is one file (mod_sys.c, mod_math.c, ...) exporting a create
 * function; this table lists them, and main hands it to the interpreter so
 * `import` finds them. builtins is set up separately, before any code runs.
 */
#ifndef BT_STDLIB_H
#define BT_STDLIB_H

#include "vm/gen.h"
#include "vm/import.h"

/* The native modules, ended by {NULL, NULL}. */
extern const BtNativeModuleDef bt_stdlib_modules[];

/* Fill the builtins module (print, len, range, ...) into t->interp->builtins. */
bool bt_builtins_init(BtThread *t);

/* When g is the generator of a scheduler task: "task 'Task-1 (nap)' sleeping
 * 4.2 s more" (its name, state and what it waits on) into buf, and true. For
 * :gens and the stepper (mod_scheduler.c). */
bool bt_scheduler_describe_gen(BtThread *t, const BtGen *g, char *buf, size_t cap);

#endif
