/* mod_collections.c: the _collections module (stdlib stage; see stdlib/README.md).
 *
 * collections.py (stdlib/lib/) is Baton's own Python; its hot container,
 * deque, is C (vm/deque.c), and this module is how collections.py gets it.
 */
#include "stdlib/modules.h"
#include "vm/func.h"
#include "vm/str.h"

BtModule *bt_mod_collections_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "_collections");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_set(t, m, "deque", bt_obj(BT_TYPE(t, deque)));
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
