/* modules.h: the create functions of the native modules (stdlib stage).
 *
 * Private to stdlib/: stdlib.c lists them in bt_stdlib_modules, and each
 * mod_*.c defines one. See stdlib/README.md for how a module registers.
 */
#ifndef BT_STDLIB_MODULES_H
#define BT_STDLIB_MODULES_H

#include "vm/func.h"

BtModule *bt_mod_sys_create(BtThread *t);
BtModule *bt_mod_math_create(BtThread *t);
BtModule *bt_mod_random_create(BtThread *t);
BtModule *bt_mod_collections_create(BtThread *t);
BtModule *bt_mod_array_create(BtThread *t);
BtModule *bt_mod_weakref_create(BtThread *t);
BtModule *bt_mod_atexit_create(BtThread *t);
BtModule *bt_mod_gc_create(BtThread *t);
BtModule *bt_mod_functools_create(BtThread *t);
BtModule *bt_mod_itertools_create(BtThread *t);
BtModule *bt_mod_errno_create(BtThread *t);
BtModule *bt_mod_time_create(BtThread *t);
BtModule *bt_mod_dis_create(BtThread *t);
BtModule *bt_mod_inspect_create(BtThread *t);
BtModule *bt_mod_unicodedata_create(BtThread *t); /* category, east_asian_width */
BtModule *bt_mod_socket_create(BtThread *t);
BtModule *bt_mod_select_create(BtThread *t);
/* An int descriptor, or what v.fileno() returns, as select() takes it (its
 * errors: not an int, negative, too large); false raised. mod_select.c. */
bool bt_fd_of(BtThread *t, BtValue v, int *out);
BtModule *bt_mod_thread_create(BtThread *t); /* _thread: what stdlib/lib/threading.py needs */
BtModule *bt_mod_scheduler_create(BtThread *t); /* scheduler: generator tasks (SPEC §8) */
BtModule *bt_mod_os_create(BtThread *t); /* _os: what stdlib/lib/os.py needs from C */

#endif
