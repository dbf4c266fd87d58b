/* type_internal.h: what object.c's operator dispatch needs from type.c's class
 * slots (internal to vm/).
 */
#ifndef BT_TYPE_INTERNAL_H
#define BT_TYPE_INTERNAL_H

#include "vm/object.h"

/* Does `type` (a class) take binary operators through its Python dunders? */
bool bt_type_has_class_binary(const BtType *type);

/* `a op b` (op not in-place) for instances of two different classes that both
 * do: a's __add__ and b's __radd__ in CPython's order. Returns the result,
 * NotImplemented when neither answers, or BT_UNDEF raised. */
BtValue bt_type_class_binary(BtThread *t, int op, BtValue a, BtValue b);

#endif
