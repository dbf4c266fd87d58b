/* mod_array.c: the array module (stdlib stage; see stdlib/README.md).
 *
 * The array.array type is C in the VM (vm/array.c), since bytes, bytearray
 * and memoryview read its buffer; this module hands it out, with CPython's
 * ArrayType alias and the typecodes string.
 */
#include "stdlib/modules.h"
#include "vm/func.h"
#include "vm/str.h"

BtModule *bt_mod_array_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "array");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    BtStr *codes = bt_str_from_cstr(t, "bBuhHiIlLqQfd");
    bool ok = codes && bt_module_set(t, m, "typecodes", bt_obj(codes)) &&
              bt_module_set(t, m, "array", bt_obj(BT_TYPE(t, array))) &&
              bt_module_set(t, m, "ArrayType", bt_obj(BT_TYPE(t, array)));
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
