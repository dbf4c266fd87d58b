/* mod_weakref.c: the _weakref module behind lib/weakref.py (stdlib stage;
 * see stdlib/README.md).
 *
 * ref and proxy are types in vm/weakref.c, because the collector clears
 * them; this module only names them. finalize is Python, in lib/weakref.py.
 */
#include "stdlib/modules.h"
#include "vm/func.h"
#include "vm/str.h"

BtModule *bt_mod_weakref_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "_weakref");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    BtValue ref = bt_obj(BT_TYPE(t, weakref)), proxy = bt_obj(BT_TYPE(t, weakproxy));
    bool ok = bt_module_set(t, m, "ref", ref) && bt_module_set(t, m, "ReferenceType", ref) &&
              bt_module_set(t, m, "proxy", proxy) && bt_module_set(t, m, "ProxyType", proxy);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
