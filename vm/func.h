/* func.h: code objects, functions, methods, cells and modules (vm stage).
 *
 * A BtCode is what the compiler makes of one function body, class body,
 * comprehension or module: instructions plus the tables that explain them.
 * A BtFunction pairs a code object with the globals, defaults and closure
 * cells it runs with. Native (C) functions are BtNative; a BtMethod binds
 * either kind to a self.
 */
#ifndef BT_FUNC_H
#define BT_FUNC_H

#include "vm/interp.h"
#include "vm/object.h"
#include "vm/opcodes.h"

enum {
    BT_CODE_VARARGS = 1 << 0,     /* has *args (slot after the positional and kw-only params) */
    BT_CODE_VARKEYWORDS = 1 << 1, /* has **kwargs (slot after *args, if any) */
    BT_CODE_GENERATOR = 1 << 2,   /* body contains yield: calling makes a generator */
    BT_CODE_MODULE = 1 << 3,      /* module or class body: names live in a dict */
    BT_CODE_CLASS = 1 << 4,       /* class body */
    BT_CODE_COROUTINE = 1 << 5,   /* async def: calling makes a coroutine (GENERATOR is set too,
                                     its frame lives in the object as a generator's does) */
    BT_CODE_ITERABLE_COROUTINE = 1 << 6, /* a generator function under types.coroutine:
                                            its generators may be awaited */
    BT_CODE_ASYNC_GENERATOR = 1 << 7, /* async def with yield: calling makes an async
                                         generator (GENERATOR is set too, not COROUTINE) */
};

/* Where an exception raised inside [start, end) goes: the stack is cut to
 * `depth` items, the exception is pushed, and execution continues at target. */
typedef struct {
    uint32_t start, end, target, depth;
} BtHandler;

/* Line table run: instructions from `start` up to the next run's start are on `line`. */
typedef struct {
    uint32_t start;
    int32_t line;
} BtLineRun;

typedef struct {
    BtObject hdr;
    BtStr *name;      /* co_name: "f", "<module>", "<genexpr>" */
    BtStr *qualname;  /* co_qualname: "C.f.<locals>.g" */
    BtStr *filename;  /* co_filename */
    int firstlineno;  /* co_firstlineno */
    int argcount;     /* positional parameters (co_argcount) */
    int posonlyargcount; /* of those, the first ones, before a `/` */
    int kwonlyargcount;
    int nlocals;      /* len(varnames): parameters first, in call order, then other locals */
    int ncells;       /* len(cellvars): variables captured by inner functions */
    int nfrees;       /* len(freevars): variables captured from outer functions */
    int stacksize;    /* the deepest the operand stack gets */
    uint32_t flags;   /* BT_CODE_* */
    BtInstr *instrs;  /* the bytecode */
    uint32_t ninstrs;
    uint32_t ngens;    /* generators made from this code so far (they are named f#1, f#2, ...) */
    BtTuple *consts;   /* co_consts: constants, nested code objects, kwnames tuples */
    BtTuple *names;    /* co_names: interned attribute, global and imported names */
    BtTuple *varnames; /* co_varnames */
    BtTuple *cellvars; /* co_cellvars */
    BtTuple *freevars; /* co_freevars */
    BtLineRun *lines;  /* line runs in increasing start order */
    uint32_t nlines;
    BtHandler *handlers; /* innermost first for nested ranges */
    uint32_t nhandlers;
    struct BtGlobalCache *gcache; /* LOAD_GLOBAL results by instruction, made on first use */
    struct BtMethodCache *mcache; /* LOAD_METHOD results by instruction, made on first use */
} BtCode;

/* What a LOAD_METHOD found on a type, valid while no class has changed since
 * (BtInterp.type_epoch). */
typedef struct BtMethodCache {
    const BtType *type;
    uint64_t epoch;
    BtValue method;
} BtMethodCache;

/* What a LOAD_GLOBAL found, valid while neither dict has changed since. */
typedef struct BtGlobalCache {
    const BtDict *globals;  /* the frame's globals when filled */
    uint64_t globals_version, builtins_version;
    BtValue value;
} BtGlobalCache;

typedef struct {
    BtObject hdr;
    BtCode *code;
    BtDict *globals;    /* __globals__ */
    BtTuple *defaults;  /* __defaults__ for the last positional parameters, or NULL */
    BtDict *kwdefaults; /* __kwdefaults__, or NULL */
    BtTuple *closure;   /* cells for code->freevars, or NULL */
    BtStr *name;        /* __name__ */
    BtStr *qualname;    /* __qualname__ */
    BtValue module;     /* __module__ */
    BtValue doc;        /* __doc__ */
    BtDict *dict;       /* __dict__ for function attributes, created on demand */
} BtFunction;

enum {
    BT_NATIVE_METHOD = 1 << 0, /* defined in a type's dict: bind self on lookup */
};

typedef struct {
    BtObject hdr;
    const char *name; /* __name__ (static storage) */
    BtNativeFn fn;
    BtValue self;     /* bound receiver, BT_UNDEF when unbound */
    BtType *owner;    /* type whose dict holds it (methods), or NULL */
    BtValue module;   /* the module object for module functions, or BT_UNDEF */
    uint32_t flags;   /* BT_NATIVE_* */
} BtNative;

typedef struct {
    BtObject hdr;
    BtValue func; /* __func__ */
    BtValue self; /* __self__ */
} BtMethod;

typedef struct {
    BtObject hdr;
    BtValue value; /* BT_UNDEF while empty */
} BtCell;

/* A name in a class's __slots__ (member_descriptor): a data descriptor whose
 * value lives in the instance's own storage (its hidden dict). */
typedef struct {
    BtObject hdr;
    BtStr *name;   /* the slot's name */
    BtType *owner; /* the class whose __slots__ named it */
} BtMember;

/* property(fget, fset, fdel, doc): a data descriptor calling Python accessors. */
typedef struct {
    BtObject hdr;
    BtValue fget, fset, fdel; /* None when absent */
    BtValue doc;              /* __doc__ */
    BtValue name;             /* set by __set_name__, for messages; None before */
} BtProperty;

/* staticmethod(f) and classmethod(f): how a class attribute binds. */
typedef struct {
    BtObject hdr;
    BtValue func; /* __func__ */
    BtDict *dict; /* __dict__ (functools.wraps copies attributes here), or NULL */
} BtFuncWrapper;

typedef struct {
    BtObject hdr;
    BtStr *name;  /* __name__ */
    BtDict *dict; /* the module's globals */
    int state;    /* 1 while its body runs as an import (a circular import sees it partial) */
} BtModule;

/* One method or function in a native table; end a table with {NULL}. */
typedef struct {
    const char *name;
    BtNativeFn fn;
} BtNativeDef;

BtCode *bt_code_new(BtThread *t); /* all tables empty: the compiler fills it */
/* Source line of instruction index i (binary search of the line runs). */
int bt_code_line(const BtCode *code, uint32_t i);

BtFunction *bt_function_new(BtThread *t, BtCode *code, BtDict *globals);
BtNative *bt_native_new(BtThread *t, const char *name, BtNativeFn fn, BtValue self);

/* The self a native method runs with: an instance of a subclass of int, str,
 * tuple... holds its value (BtBoxed), and the built-in's own methods work on
 * that value; object's methods (__setattr__, __init__...) see the instance. */
static inline BtValue bt_native_self(BtThread *t, const BtNative *n, BtValue self) {
    if (bt_is_boxed(self) && n->owner != t->interp->types.object)
        return ((BtBoxed *)bt_as_obj(self))->value;
    return self;
}
/* Call a native; an unbound method takes its self from args[0] (type-checked). */
BtValue bt_call_native(BtThread *t, BtNative *n, BtValue *args, int nargs, BtTuple *kwnames);
BtValue bt_method_new(BtThread *t, BtValue func, BtValue self);
BtCell *bt_cell_new(BtThread *t, BtValue value);
/* staticmethod(func): used for the implicit staticmethod around a class's __new__. */
BtValue bt_staticmethod_new(BtThread *t, BtValue func);
BtModule *bt_module_new(BtThread *t, BtStr *name);

/* Add native methods to a type's dict (bound to self on lookup). */
bool bt_type_add_methods(BtThread *t, BtType *type, const BtNativeDef *defs);
/* Add a static (classmethod false) or class method written in C to a type's
 * dict: fn gets no self; a class method gets the class as args[0]. */
bool bt_type_add_static(BtThread *t, BtType *type, const char *name, BtNativeFn fn,
                        bool classmethod);
/* Add a read-only attribute computed in C (a property whose getter is fn,
 * called with the instance as args[0]), e.g. int.real. */
bool bt_type_add_getter(BtThread *t, BtType *type, const char *name, BtNativeFn fn);
/* Add native functions to a module's dict. */
bool bt_module_add_functions(BtThread *t, BtModule *m, const BtNativeDef *defs);
/* m.name = v (name interned); false raised. */
bool bt_module_set(BtThread *t, BtModule *m, const char *name, BtValue v);

/* ---- argument parsing for native functions ---- */

/* Raise CPython's TypeError unless nargs (no keywords allowed) lies in
 * [min, max]: "len() takes exactly one argument (2 given)" and friends.
 * name is the function's name for the message. */
bool bt_check_args(BtThread *t, const char *name, int nargs, BtTuple *kwnames, int min, int max);
/* Match positional and keyword arguments to the parameter names in `params`
 * (NULL-terminated; a leading '$' marks keyword-only, a leading '|' the first
 * optional one, as in "x", "|base"), storing them in out[] (BT_UNDEF when not
 * given). Raises CPython's TypeError for missing, extra or unknown arguments. */
bool bt_parse_args(BtThread *t, const char *fname, BtValue *args, int nargs, BtTuple *kwnames,
                   const char *const *params, BtValue *out);

#endif
