/* object.h: the object model (vm stage; see vm/README.md).
 *
 * Every heap object starts with a BtObject header: its type, the GC's mark,
 * and a few bits each type may use. Types are objects too, and a built-in
 * type is a class whose methods are native functions in its dict, so
 * type(x), isinstance, attribute lookup and method calls take one path for
 * built-in and user classes. The slots in BtType are the fast paths the VM
 * calls; a user class gets slots that look up the matching dunder
 * (__repr__, __add__, ...).
 *
 * Conventions for every function here that takes BtThread *t first: it may
 * allocate (and so collect: root your temporaries, see gc.h) and it may
 * raise, in which case it returns BT_UNDEF / false / -1 with the exception
 * stored in t (see exc.h).
 */
#ifndef BT_OBJECT_H
#define BT_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vm/value.h"

typedef struct BtInterp BtInterp;
typedef struct BtThread BtThread;
typedef struct BtType BtType;
typedef struct BtStr BtStr;
typedef struct BtTuple BtTuple;
typedef struct BtDict BtDict;
typedef struct BtGc BtGc;

struct BtObject {
    BtType *type;     /* never NULL once allocated (NULL marks a free block of the heap) */
    uint8_t gc_mark;  /* set while marking; cleared by the sweep */
    uint8_t flags;    /* per-type bits (e.g. an interned string) */
    uint8_t aux8[2];  /* the type's own: a generator's state and finalized flag */
    uint32_t aux32;   /* the type's own: a big int's signed limb count, a generator's number */
};
/* 16 bytes: the collector finds objects through its pages (gc.c), so the
 * header needs no heap link and no size. */

/* Comparison operators, in the order of CPython's Py_LT..Py_GE. */
typedef enum {
    BT_COMPARE_LT,
    BT_COMPARE_LE,
    BT_COMPARE_EQ,
    BT_COMPARE_NE,
    BT_COMPARE_GT,
    BT_COMPARE_GE
} BtCompareOp;

/* Whether `a op b` holds, given c, the three-way order of a and b
 * (negative: a < b, zero: equal, positive: a > b). */
static inline bool bt_compare_holds(BtCompareOp op, int c) {
    switch (op) {
    case BT_COMPARE_LT: return c < 0;
    case BT_COMPARE_LE: return c <= 0;
    case BT_COMPARE_EQ: return c == 0;
    case BT_COMPARE_NE: return c != 0;
    case BT_COMPARE_GT: return c > 0;
    default: return c >= 0;
    }
}

/* Binary operators: the plain forms, then the in-place forms in the same order
 * (BT_BINOP_INPLACE_OFFSET apart). X(ENUM, "symbol", "dunder", "rdunder", "idunder") */
#define BT_BINOPS(X)                                                                               \
    X(ADD, "+", "__add__", "__radd__", "__iadd__")                                                 \
    X(SUB, "-", "__sub__", "__rsub__", "__isub__")                                                 \
    X(MUL, "*", "__mul__", "__rmul__", "__imul__")                                                 \
    X(TRUEDIV, "/", "__truediv__", "__rtruediv__", "__itruediv__")                                 \
    X(FLOORDIV, "//", "__floordiv__", "__rfloordiv__", "__ifloordiv__")                            \
    X(MOD, "%", "__mod__", "__rmod__", "__imod__")                                                 \
    X(POW, "**", "__pow__", "__rpow__", "__ipow__")                                                \
    X(LSHIFT, "<<", "__lshift__", "__rlshift__", "__ilshift__")                                    \
    X(RSHIFT, ">>", "__rshift__", "__rrshift__", "__irshift__")                                    \
    X(AND, "&", "__and__", "__rand__", "__iand__")                                                 \
    X(OR, "|", "__or__", "__ror__", "__ior__")                                                     \
    X(XOR, "^", "__xor__", "__rxor__", "__ixor__")                                                 \
    X(MATMUL, "@", "__matmul__", "__rmatmul__", "__imatmul__")

typedef enum {
#define BT_BINOP_ENUM(name, sym, d, rd, id) BT_BINOP_##name,
    BT_BINOPS(BT_BINOP_ENUM)
#undef BT_BINOP_ENUM
    BT_BINOP__COUNT
} BtBinOp;

/* A native function: args[0..nargs) are positional; when kwnames is not NULL,
 * the last len(kwnames) of args are keyword values named by it. self is the
 * bound object for methods (BT_UNDEF for plain functions). args live on the
 * VM's value stack, so they are GC roots for the duration of the call.
 * Returns a new value, or BT_UNDEF with an exception set. */
typedef BtValue (*BtNativeFn)(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames);

/* How instances of a type are laid out; the allocator and GC use it. */
typedef enum {
    BT_LAYOUT_BUILTIN,   /* a C struct owned by the type's own code */
    BT_LAYOUT_INSTANCE,  /* BtInstance: a dict of attributes (user classes) */
    BT_LAYOUT_EXCEPTION, /* BtException: a BtInstance plus args, traceback, chaining */
    BT_LAYOUT_BOXED,     /* BtBoxed: a value of int, float, str, bytes, tuple, set or
                            frozenset plus an attribute dict (user subclasses of those) */
} BtLayout;

enum {
    BT_TYPE_HEAPTYPE = 1 << 0, /* defined by a class statement */
    BT_TYPE_BASETYPE = 1 << 1, /* may be subclassed */
    BT_TYPE_CUSTOM_SETATTR = 1 << 3, /* a class in the MRO defines __setattr__/__delattr__ */
    BT_TYPE_DATA_DESCRIPTORS = 1 << 4, /* a class in the MRO holds a data descriptor (a
                                          property...): it wins over the instance dict */
    BT_TYPE_METHODS_FIRST = 1 << 2, /* its getattr slot only adds data attributes, so a method
                                       in the type's dict may be called without binding */
    BT_TYPE_NO_DICT = 1 << 6, /* __slots__ all the way up: no attribute beyond the slots */
    BT_TYPE_FRAMED = 1 << 5, /* generator, coroutine, async generator: a frame the collector
                                may have to close (one test per dead object) */
};

struct BtType {
    BtObject hdr;
    BtStr *name;     /* __name__ */
    BtStr *qualname; /* __qualname__ */
    BtStr *module;   /* __module__ ("builtins" for built-in types) */
    BtType *base;    /* __base__, the solid base whose layout instances share; NULL for object */
    BtTuple *bases;  /* __bases__ */
    BtTuple *mro;    /* __mro__, C3 linearization, starting with this type */
    BtDict *dict;    /* __dict__: methods and class attributes */
    BtLayout layout;
    uint32_t flags;       /* BT_TYPE_* */
    size_t instance_size; /* bytes per instance (for BT_LAYOUT_BUILTIN types: of the C struct) */
    size_t dict_offset;   /* where instances keep their attribute dict (a BtDict *), 0: none */
    BtType *native;       /* the built-in type whose C struct instances start with (itself
                             for built-ins; the solid built-in base for classes) */

    /* Slots: NULL means "not supported" (the generic code raises CPython's TypeError). */
    BtValue (*repr)(BtThread *t, BtValue self); /* -> str */
    BtValue (*str)(BtThread *t, BtValue self);  /* -> str; NULL means use repr */
    bool (*hash)(BtThread *t, BtValue self, int64_t *out); /* NULL: unhashable */
    /* Rich comparison: returns a value, or the NotImplemented singleton. */
    BtValue (*compare)(BtThread *t, BtValue a, BtValue b, BtCompareOp op);
    /* Binary op where a or b has this type; returns NotImplemented to decline.
     * In-place ops come as BT_BINOP_x + BT_BINOP__COUNT and may decline too. */
    BtValue (*binary)(BtThread *t, int op, BtValue a, BtValue b);
    BtValue (*unary)(BtThread *t, int op, BtValue a); /* op: '-', '+', '~' */
    int (*truth)(BtThread *t, BtValue self);         /* 0/1, -1 raised; NULL: len or true */
    int64_t (*len)(BtThread *t, BtValue self);       /* -1 raised */
    BtValue (*getattr)(BtThread *t, BtValue self, BtStr *name);      /* NULL: generic */
    bool (*setattr)(BtThread *t, BtValue self, BtStr *name, BtValue v); /* v UNDEF: delete */
    BtValue (*getitem)(BtThread *t, BtValue self, BtValue key);
    bool (*setitem)(BtThread *t, BtValue self, BtValue key, BtValue v); /* v UNDEF: delete */
    int (*contains)(BtThread *t, BtValue self, BtValue item);  /* 0/1, -1 raised */
    BtValue (*iter)(BtThread *t, BtValue self);
    /* Next item; BT_UNDEF with no exception set means exhausted (no StopIteration
     * object is made on the fast path), BT_UNDEF with a StopIteration set means
     * exhausted with a value (a generator's return, a user __next__'s raise),
     * BT_UNDEF with another exception set means raised. */
    BtValue (*next)(BtThread *t, BtValue self);
    BtValue (*call)(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames);
    /* type(...) called: make and initialise an instance (self is the type object). */
    BtValue (*construct)(BtThread *t, BtType *type, BtValue *args, int nargs, BtTuple *kwnames);

    /* For the GC: mark every object this one references (bt_gc_mark_*), and
     * release what it owns outside the heap (buffers, descriptors). */
    void (*trace)(BtGc *gc, BtObject *self);
    void (*finalize)(BtInterp *interp, BtObject *self);
};

/* An instance of a user class (and of object): attributes live in a dict. */
typedef struct {
    BtObject hdr;
    BtDict *dict; /* __dict__, created on first attribute store */
} BtInstance;

/* An instance of a user subclass of int, float, str, bytes, tuple, set or
 * frozenset. Those values are immediate or variable-sized, so the subclass
 * instance holds one (`value`, of the exact built-in type) instead of being
 * one: the class's slots and the built-in's own methods see `value`
 * (bt_unbox), and everything else sees an instance of the subclass. */
typedef struct {
    BtObject hdr;
    BtDict *dict;  /* __dict__, created on first attribute store */
    BtValue value; /* what the built-in's __new__ made */
} BtBoxed;

static inline bool bt_is_boxed(BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type->layout == BT_LAYOUT_BOXED;
}

/* The built-in value inside an instance of such a subclass; v itself otherwise. */
static inline BtValue bt_unbox(BtValue v) {
    return bt_is_boxed(v) ? ((BtBoxed *)bt_as_obj(v))->value : v;
}

/* ---- the generic protocol: what the eval loop and builtins call ---- */

/* type(v), for immediates too. Never fails. */
BtType *bt_type_of(BtThread *t, BtValue v);
/* isinstance(v, type) / issubclass(a, b) for single types (walks the MRO). */
bool bt_isinstance(BtThread *t, BtValue v, BtType *type);
bool bt_issubtype(BtType *a, BtType *b);
/* Find name in type's MRO dicts without binding; BT_UNDEF if absent (never raises). */
BtValue bt_type_lookup(BtType *type, BtStr *name);

BtValue bt_repr(BtThread *t, BtValue v); /* -> str, as repr() */
BtValue bt_str(BtThread *t, BtValue v);  /* -> str, as str() */
bool bt_hash(BtThread *t, BtValue v, int64_t *out);
/* ==, <, ... with Python's reflected-operand rules and default identity eq. */
BtValue bt_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op);
int bt_equal(BtThread *t, BtValue a, BtValue b); /* 0/1, -1 raised; identity short-cut */
BtValue bt_binary_op(BtThread *t, BtBinOp op, BtValue a, BtValue b);
BtValue bt_inplace_op(BtThread *t, BtBinOp op, BtValue a, BtValue b);
BtValue bt_unary_op(BtThread *t, int op, BtValue a); /* '-', '+', '~' */
int bt_truthy(BtThread *t, BtValue v); /* 0/1, -1 raised */
int64_t bt_len(BtThread *t, BtValue v); /* -1 raised */
BtValue bt_getattr(BtThread *t, BtValue obj, BtStr *name);
/* getattr that returns BT_UNDEF with no exception when the attribute is missing. */
BtValue bt_getattr_opt(BtThread *t, BtValue obj, BtStr *name);
bool bt_setattr(BtThread *t, BtValue obj, BtStr *name, BtValue v);
bool bt_delattr(BtThread *t, BtValue obj, BtStr *name);
BtValue bt_getitem(BtThread *t, BtValue obj, BtValue key);
bool bt_setitem(BtThread *t, BtValue obj, BtValue key, BtValue v);
bool bt_delitem(BtThread *t, BtValue obj, BtValue key);
int bt_contains(BtThread *t, BtValue container, BtValue item); /* `in`; 0/1, -1 raised */
BtValue bt_iter(BtThread *t, BtValue v);
/* The alternatives of an `int | str` union (types.UnionType); NULL for other values. */
BtTuple *bt_union_args(BtThread *t, BtValue v);
/* Next item of an iterator: BT_UNDEF and no exception when exhausted. */
BtValue bt_next(BtThread *t, BtValue it);
/* The same, but a StopIteration that ended the iterator stays pending with its
 * value (CPython's tp_iternext): what a wrapping iterator (map, zip, ...),
 * next() and `yield from` pass on. */
BtValue bt_next_keep_stop(BtThread *t, BtValue it);
BtValue bt_call(BtThread *t, BtValue callable, BtValue *args, int nargs, BtTuple *kwnames);
/* callable(v): functions, methods, classes, and objects whose type calls. Never raises. */
bool bt_is_callable(BtThread *t, BtValue v);

/* Generic attribute access for instances with a dict (object.__getattribute__ /
 * __setattr__): the default getattr/setattr slots. */
BtValue bt_generic_getattr(BtThread *t, BtValue obj, BtStr *name);
bool bt_generic_setattr(BtThread *t, BtValue obj, BtStr *name, BtValue v);
/* An attribute-name argument (getattr(), __setattr__...) as an interned str;
 * NULL with CPython's TypeError when it is not a str. */
BtStr *bt_attr_name(BtThread *t, BtValue v);

/* Descriptors (vm/object.c). What `obj.name` gives for an attribute `attr`
 * found on owner's MRO: functions bind, staticmethod/classmethod/property and
 * classes with __get__ run their protocol. obj BT_UNDEF means owner.name. */
BtValue bt_descr_get(BtThread *t, BtValue attr, BtValue obj, BtType *owner);
/* Does attr define __set__ or __delete__ (property, or a class that does)? */
bool bt_descr_is_data(BtThread *t, BtValue attr);

/* A bare instance of cls, as object.__new__(cls) makes it (no __init__). */
BtValue bt_type_alloc_instance(BtThread *t, BtType *cls);

/* A new class whose metaclass is type: C3 MRO over bases, ns copied as the
 * class dict (raises CPython's TypeError on an inconsistent MRO or a base
 * that cannot be subclassed); its __set_name__ hooks run, no __init_subclass__. */
BtValue bt_type_new_class(BtThread *t, BtStr *name, BtTuple *bases, BtDict *ns);
/* type.__new__(meta, name, bases, ns, **kw), what a class statement ends in:
 * the class (an instance of meta), its __classcell__ filled, __set_name__
 * run, then the base's __init_subclass__ with the keywords kwnames names
 * (values in kwvalues; kwnames may be NULL). */
BtValue bt_type_make_class(BtThread *t, BtType *meta, BtStr *name, BtTuple *bases, BtDict *ns,
                           BtValue *kwvalues, BtTuple *kwnames);
/* The most derived of meta and the metaclasses of bases (CPython's
 * _PyType_CalculateMetaclass); NULL with "metaclass conflict" raised. */
BtType *bt_type_metaclass(BtThread *t, BtType *meta, BtTuple *bases);
/* Is v a class, an instance of type or of a metaclass? Never raises. */
bool bt_is_class(BtThread *t, BtValue v);
/* A new built-in (C-implemented) type, e.g. the file type of stdlib/fileio.c:
 * instances are `instance_size` bytes with layout BT_LAYOUT_BUILTIN; set
 * its slots and methods afterwards. base NULL means object. */
BtType *bt_type_new_native(BtThread *t, const char *name, BtType *base, size_t instance_size);

/* Make a native type an iterator: its instance size, iter (returns self),
 * next, trace, and __iter__/__next__ methods (stdlib's itertools uses it). */
bool bt_iter_setup_type(BtThread *t, BtType *type, size_t size,
                        BtValue (*next)(BtThread *, BtValue), void (*trace)(BtGc *, BtObject *));

/* Count one level of C re-entry (repr of nested containers, calls from C)
 * against the recursion limit; false with RecursionError ("maximum recursion
 * depth exceeded" + where) when it is reached. Pair with bt_leave_recursive. */
bool bt_enter_recursive(BtThread *t, const char *where);
void bt_leave_recursive(BtThread *t);
/* The C-stack half of that check, for recursions that do not count against
 * the recursion limit (the eval loop's entry, the compiler): false with
 * RecursionError when the C stack is nearly used up (vm/README.md), or
 * MemoryError when the temporary roots cannot grow. */
bool bt_c_stack_ok(BtThread *t, const char *where);

/* The name of v's type, for messages ("int", "MyClass"). Never fails. */
const char *bt_type_name(BtThread *t, BtValue v);

#endif
