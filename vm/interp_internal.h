/* interp_internal.h: set-up steps of the interpreter (internal to vm/).
 *
 * interp.c creates every built-in type object first (so types can refer to
 * each other), then calls these to give each its slots and methods.
 */
#ifndef BT_INTERP_INTERNAL_H
#define BT_INTERP_INTERNAL_H

#include "vm/interp.h"

bool bt_object_init_type(BtThread *t);   /* object.c */
bool bt_type_init_type(BtThread *t);     /* type.c */
bool bt_type_init_subclassable(BtThread *t); /* type.c: list/dict __init__ for subclasses */
bool bt_type_add_slot_wrappers(BtThread *t);
bool bt_bytearray_init_type(BtThread *t); /* bytearray.c */
bool bt_deque_init_types(BtThread *t);    /* deque.c */
bool bt_array_init_type(BtThread *t);     /* array.c */
bool bt_memoryview_init_type(BtThread *t); /* memoryview.c */
bool bt_weakref_init_types(BtThread *t);  /* weakref.c */
void bt_weakref_free_index(BtInterp *in); /* weakref.c: the index of basic refs */
bool bt_generic_alias_init_type(BtThread *t); /* generic_alias.c */
/* cls[key]: the class's __class_getitem__ (generic_alias.c). */
BtValue bt_class_getitem(BtThread *t, BtValue cls, BtValue key); /* slot_wrappers.c: int.__add__, str.__len__... */
bool bt_func_init_types(BtThread *t);    /* func.c: function, native, method, code, cell, module */
bool bt_gen_init_types(BtThread *t);     /* gen.c: generator, frame */

#endif
