/* type_internal.h: what object.c's operator dispatch and eval.c's name
 * stores need from type.c (internal to vm/).
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

/* A class body's namespace that is a dict subclass (from a metaclass's
 * __prepare__): the eval loop's STORE_NAME and DELETE_NAME go through its
 * __setitem__ and __delitem__ (kept out of eval.c, whose loop they would
 * crowd); LOAD_NAME reads its entries (__build_class__ refuses a subclass
 * whose __getitem__ or __missing__ would answer otherwise). The delete gives
 * 1 deleted, 0 missing, -1 raised (it takes any namespace, a plain dict too). */
bool bt_type_namespace_store(BtThread *t, BtDict *ns, BtStr *name, BtValue v);
int bt_type_namespace_del(BtThread *t, BtDict *ns, BtStr *name);

#endif
