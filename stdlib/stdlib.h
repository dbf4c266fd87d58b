/* stdlib.h: the registry of built-in modules (stdlib stage; see stdlib/README.md).
 *
 * Each module is one file (mod_sys.c, mod_math.c, ...) exporting a create
 * function; this table lists them, and main hands it to the interpreter so
 * `import` finds them. builtins is set up separately, before any code runs.
 */
#ifndef BT_STDLIB_H
#define BT_STDLIB_H

#include "vm/import.h"

/* The native modules, ended by {NULL, NULL}. */
extern const BtNativeModuleDef bt_stdlib_modules[];

/* Fill the builtins module (print, len, range, ...) into t->interp->builtins. */
bool bt_builtins_init(BtThread *t);

#endif
