/* import.h: modules, packages and the import system (vm stage; see
 * vm/README.md, "Import and packages").
 *
 * `import a.b.c` imports a, then a.b, then a.b.c, each from sys.modules or
 * else found as a native module (top level only), a package
 * (NAME/__init__.py), a module (NAME.py) or a namespace package (a folder
 * without __init__.py), beside the main script, on BATONPATH and in
 * stdlib/lib, or for a submodule in its parent's __path__. A .py module
 * runs once; while it runs it is already in sys.modules, so circular
 * imports see the partial module, as in CPython.
 */
#ifndef BT_IMPORT_H
#define BT_IMPORT_H

#include "vm/func.h"

/* A module written in C: create() builds and returns the module object. */
typedef struct BtNativeModuleDefS {
    const char *name;
    BtModule *(*create)(BtThread *t);
} BtNativeModuleDef;

/* What `import` and __import__(name, globals, locals, fromlist, level) do:
 * resolve a relative name (level > 0) against the package of globals,
 * import each package on the way down and then the module, and return what
 * the statement binds: the top-level package for `import a.b` (empty
 * fromlist), else the module itself, after importing the submodules fromlist
 * names. Raises ImportError/ModuleNotFoundError with CPython's messages. */
BtValue bt_import_name(BtThread *t, BtStr *name, BtValue globals, BtValue fromlist, int64_t level);
/* The module of an absolute dotted name (packages above it imported first). */
BtValue bt_import(BtThread *t, BtStr *name);
/* `from mod import name`: mod.name, else the submodule sys.modules["mod.name"]
 * (a circular import), else ImportError "cannot import name ...". */
BtValue bt_import_from(BtThread *t, BtValue mod, BtStr *name);
/* sys.NAME when the sys module is loaded and has it, else BT_UNDEF; never
 * raises (the VM's own output, e.g. the REPL's echo, goes to sys.stdout). */
BtValue bt_import_sys_attr(BtThread *t, const char *name);

/* The folder of Baton's modules written in Python (stdlib/lib): $BATON_LIB,
 * else the source tree's, else the installed copy; NULL if none exists. */
const char *bt_import_lib_dir(void);

/* Run a code object as the body of module m (its __main__ for scripts). */
BtValue bt_run_module_code(BtThread *t, BtCode *code, BtModule *m);

#endif
