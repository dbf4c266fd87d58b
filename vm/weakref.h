/* weakref.h: weak references (vm stage; see vm/README.md and weakref.c). */
#ifndef BT_WEAKREF_H
#define BT_WEAKREF_H

#include "vm/interp.h"
#include "vm/object.h"

typedef struct BtWeakRef BtWeakRef;

/* weakref.ref(obj, callback) (type: the weakref type) or weakref.proxy (weakproxy). */
BtValue bt_weakref_new(BtThread *t, BtType *type, BtValue obj, BtValue callback);
/* For the collector, after marking: forget dead weakrefs, clear those whose
 * object is dead and queue their callbacks. */
void bt_weakref_sweep(BtInterp *in);
/* Run a queued weakref's callback (once), reporting what it raises. */
void bt_weakref_fire(BtThread *t, BtValue wr);

#endif
