/* stdlib.c: the registry of native modules (stdlib stage; see stdlib/README.md).
 *
 * `import name` finds a module here when it is not in sys.modules yet: the
 * interpreter calls its create function once and caches the result. To add
 * a module, write mod_NAME.c with a bt_mod_NAME_create function, declare it
 * in modules.h and add one line below.
 */
#include "stdlib/stdlib.h"

#include "stdlib/fileio.h"
#include "stdlib/modules.h"

const BtNativeModuleDef bt_stdlib_modules[] = {
    {"sys", bt_mod_sys_create},
    {"math", bt_mod_math_create},
    {"random", bt_mod_random_create},
    {"errno", bt_mod_errno_create},
    {"time", bt_mod_time_create},
    {"dis", bt_mod_dis_create},
    {"_inspect", bt_mod_inspect_create},
    {"unicodedata", bt_mod_unicodedata_create},
    {"socket", bt_mod_socket_create},
    {"select", bt_mod_select_create},
    {"_thread", bt_mod_thread_create},
    {"scheduler", bt_mod_scheduler_create},
    {"_os", bt_mod_os_create},
    {"_io", bt_fileio_module_create},
    {"_collections", bt_mod_collections_create},
    {"array", bt_mod_array_create},
    {"_weakref", bt_mod_weakref_create},
    {"atexit", bt_mod_atexit_create},
    {"gc", bt_mod_gc_create},
    {"_functools", bt_mod_functools_create},
    {"_itertools", bt_mod_itertools_create},
    {NULL, NULL},
};
