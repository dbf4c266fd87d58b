/* interp.h: interpreter state and thread state (vm stage; see vm/README.md).
 *
 * There are no mutable globals in Baton. One BtInterp holds what all threads
 * share (the heap, the built-in types, interned strings, modules, the GIL);
 * one BtThread per OS thread holds what is private to a thread of Python
 * code (its value stack and frame chain, the exception in flight, the trace
 * hook, its recursion depth). Every function that can allocate or raise takes
 * the BtThread first; the interpreter is always t->interp.
 */
#ifndef BT_INTERP_H
#define BT_INTERP_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "vm/gc.h"
#include "vm/object.h"

typedef struct BtFrame BtFrame;
typedef struct BtHook BtHook;
typedef struct BtGil BtGil;

/* Built-in types, one X per type: X(field, "python name"). */
#define BT_BUILTIN_TYPES(X)                                                                        \
    X(object, "object") X(type, "type") X(none, "NoneType") X(bool_, "bool") X(int_, "int")         \
    X(float_, "float") X(str, "str") X(bytes, "bytes") X(list, "list") X(tuple, "tuple")            \
    X(bytearray, "bytearray") X(memoryview, "memoryview") X(array, "array") X(deque, "deque") X(deque_iter, "_deque_iterator")                   \
    X(deque_reviter, "_deque_reverse_iterator") X(weakref, "ReferenceType")                        \
    X(weakproxy, "ProxyType") X(generic_alias, "GenericAlias")                                    \
    X(union_type, "UnionType")                                                                     \
    X(dict, "dict") X(set, "set") X(frozenset, "frozenset") X(range, "range") X(slice, "slice")     \
    X(function, "function") X(native, "builtin_function_or_method") X(method, "method")            \
    X(code, "code") X(cell, "cell") X(module, "module") X(generator, "generator")                  \
    X(coroutine, "coroutine") X(coroutine_wrapper, "coroutine_wrapper")                            \
    X(async_generator, "async_generator") X(agen_asend, "async_generator_asend")                   \
    X(agen_athrow, "async_generator_athrow") X(anext_awaitable, "anext_awaitable")                 \
    X(frame, "frame") X(traceback, "traceback") X(not_implemented, "NotImplementedType")           \
    X(ellipsis, "ellipsis") X(super_, "super")                                                     \
    X(str_iter, "str_ascii_iterator") X(bytes_iter, "bytes_iterator")                              \
    X(list_iter, "list_iterator") X(list_reviter, "list_reverseiterator")                          \
    X(tuple_iter, "tuple_iterator") X(range_iter, "range_iterator") X(set_iter, "set_iterator")     \
    X(longrange_iter, "longrange_iterator")                                                        \
    X(dict_keys, "dict_keys") X(dict_values, "dict_values") X(dict_items, "dict_items")            \
    X(dict_keyiter, "dict_keyiterator") X(dict_valueiter, "dict_valueiterator")                    \
    X(dict_itemiter, "dict_itemiterator") X(seq_iter, "iterator") X(callable_iter, "callable_iterator") \
    X(property, "property") X(member, "member_descriptor") X(staticmethod, "staticmethod") X(classmethod, "classmethod")        \
    X(tb_frame, "frame")

/* The exception hierarchy: X(name, base). Order matters: a base comes first. */
#define BT_EXCEPTION_TYPES(X)                                                                      \
    X(BaseException, BaseException) X(SystemExit, BaseException)                                   \
    X(KeyboardInterrupt, BaseException) X(GeneratorExit, BaseException)                            \
    X(Exception, BaseException) X(StopIteration, Exception) X(StopAsyncIteration, Exception)       \
    X(ArithmeticError, Exception)                                                                  \
    X(ZeroDivisionError, ArithmeticError) X(OverflowError, ArithmeticError)                        \
    X(AssertionError, Exception) X(AttributeError, Exception) X(EOFError, Exception)               \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) X(LookupError, Exception)        \
    X(IndexError, LookupError) X(KeyError, LookupError) X(MemoryError, Exception)                  \
    X(NameError, Exception) X(UnboundLocalError, NameError) X(OSError, Exception)                  \
    X(BlockingIOError, OSError) X(ChildProcessError, OSError) X(ConnectionError, OSError)          \
    X(BrokenPipeError, ConnectionError) X(ConnectionAbortedError, ConnectionError)                 \
    X(ConnectionRefusedError, ConnectionError) X(ConnectionResetError, ConnectionError)            \
    X(FileExistsError, OSError) X(FileNotFoundError, OSError) X(InterruptedError, OSError)         \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) X(PermissionError, OSError)       \
    X(ProcessLookupError, OSError) X(TimeoutError, OSError) X(RuntimeError, Exception)             \
    X(ReferenceError, Exception) X(BufferError, Exception)                                                                   \
    X(RecursionError, RuntimeError) X(NotImplementedError, RuntimeError)                           \
    X(SyntaxError, Exception) X(IndentationError, SyntaxError) X(TabError, IndentationError)       \
    X(SystemError, Exception) X(TypeError, Exception) X(ValueError, Exception)                     \
    X(UnicodeError, ValueError) X(UnicodeDecodeError, UnicodeError)                                \
    X(UnicodeEncodeError, UnicodeError) X(Warning, Exception) X(UserWarning, Warning)              \
    X(DeprecationWarning, Warning) X(RuntimeWarning, Warning)

/* Interned names the VM uses often: X(field, "text"). */
#define BT_NAMES(X)                                                                                \
    X(dunder_init, "__init__") X(dunder_new, "__new__") X(dunder_repr, "__repr__")                 \
    X(dunder_str, "__str__") X(dunder_hash, "__hash__") X(dunder_eq, "__eq__")                     \
    X(dunder_ne, "__ne__") X(dunder_lt, "__lt__") X(dunder_le, "__le__") X(dunder_gt, "__gt__")    \
    X(dunder_ge, "__ge__") X(dunder_len, "__len__") X(dunder_bool, "__bool__")                     \
    X(dunder_iter, "__iter__") X(dunder_next, "__next__") X(dunder_getitem, "__getitem__")         \
    X(dunder_setitem, "__setitem__") X(dunder_delitem, "__delitem__")                              \
    X(dunder_contains, "__contains__") X(dunder_call, "__call__") X(dunder_enter, "__enter__")     \
    X(dunder_class_getitem, "__class_getitem__")                                                   \
    X(dunder_exit, "__exit__") X(dunder_name, "__name__") X(dunder_qualname, "__qualname__")       \
    X(dunder_module, "__module__") X(dunder_class, "__class__") X(dunder_dict, "__dict__")         \
    X(dunder_doc, "__doc__") X(dunder_main, "__main__") X(dunder_builtins, "__builtins__")         \
    X(dunder_file, "__file__") X(dunder_neg, "__neg__") X(dunder_pos, "__pos__")                   \
    X(dunder_invert, "__invert__") X(dunder_getattr, "__getattr__")                                \
    X(dunder_setattr, "__setattr__") X(dunder_delattr, "__delattr__") X(dunder_index, "__index__") \
    X(dunder_int, "__int__") X(dunder_float, "__float__") X(dunder_abs, "__abs__")                 \
    X(dunder_mro, "__mro__") X(dunder_bases, "__bases__") X(dunder_base, "__base__")               \
    X(dunder_build_class, "__build_class__") X(dunder_import, "__import__")                        \
    X(dunder_spec, "__spec__") X(dunder_package, "__package__") X(dunder_all, "__all__")           \
    X(dunder_path, "__path__")                                                                     \
    X(dunder_cause, "__cause__") X(dunder_context, "__context__")                                  \
    X(dunder_traceback, "__traceback__") X(dunder_reversed, "__reversed__")                        \
    X(dunder_round, "__round__") X(dunder_format, "__format__") X(dunder_missing, "__missing__")   \
    X(dunder_getattribute, "__getattribute__") X(dunder_set_name, "__set_name__")               \
    X(dunder_get, "__get__") X(dunder_set, "__set__") X(dunder_delete, "__delete__")             \
    X(dunder_await, "__await__") X(dunder_aenter, "__aenter__") X(dunder_aexit, "__aexit__")      \
    X(dunder_aiter, "__aiter__") X(dunder_anext, "__anext__")                                      \
    X(args, "args") X(value, "value") X(code, "code") X(errno_, "errno") X(strerror, "strerror")   \
    X(filename, "filename") X(fileno, "fileno") X(send, "send") X(throw, "throw")                  \
    X(close, "close") X(write, "write") X(flush, "flush") X(readline, "readline") X(keys, "keys")   \
    X(items, "items") X(name, "name") X(msg, "msg") X(lineno, "lineno") X(offset, "offset")        \
    X(text, "text") X(self, "self") X(empty, "") X(module_str, "<module>")                         \
    X(lambda, "<lambda>") X(genexpr, "<genexpr>") X(listcomp, "<listcomp>")                        \
    X(setcomp, "<setcomp>") X(dictcomp, "<dictcomp>")

struct BtInterp {
    BtHeap heap; /* every object, allocation accounting, GC state (gc.h) */
    struct {
#define BT_TYPE_FIELD(field, pyname) BtType *field;
        BT_BUILTIN_TYPES(BT_TYPE_FIELD)
#undef BT_TYPE_FIELD
    } types;
    struct {
#define BT_EXC_FIELD(name, base) BtType *name;
        BT_EXCEPTION_TYPES(BT_EXC_FIELD)
#undef BT_EXC_FIELD
    } exc;
    struct {
#define BT_NAME_FIELD(field, text) BtStr *field;
        BT_NAMES(BT_NAME_FIELD)
#undef BT_NAME_FIELD
    } names;
    BtStr *binop_names[BT_BINOP__COUNT][3]; /* __add__, __radd__, __iadd__ per operator */
    BtObject *not_implemented;              /* the NotImplemented singleton */
    BtObject *ellipsis;                     /* the Ellipsis singleton */
    BtTuple *empty_tuple;                   /* the shared () */
    BtDict *interned;    /* str -> same str: identifiers and short literals */
    BtDict *modules;     /* sys.modules */
    BtDict *builtins;    /* the dict of the builtins module */
    BtValue default_import; /* builtins.__import__ as set up: `import` calls a replacement */
    /* Generators whose names are not their code's, with those names (gen.c). */
    struct {
        struct BtRenamedGen *slots; /* open addressing; NULL gen: empty */
        size_t cap, count;
    } renamed_gens;
    /* The C function behind the builtin next(): CALL resumes a generator
     * passed to it inline, as it does for gen.send() (set by stdlib). */
    BtNativeFn builtin_next_fn;
    BtDict *source_cache; /* filename -> list of source lines, for tracebacks */
    BtType *unraisable_args; /* sys.unraisablehook's argument type (NULL until sys is made) */
    uint64_t dicts_made; /* dicts created so far: their versions start apart (dict.c) */
    struct BtWeakIndex *weakref_index; /* object -> its basic weakref (weakref.c), or NULL */
    const struct BtNativeModuleDefS *native_modules; /* stdlib's table (import.h), or NULL */
    BtThread *threads;   /* every thread state, linked through next_thread */
    BtThread *main_thread;
    BtGil *gil;          /* the global interpreter lock (gil.h) */
    _Atomic bool sigint_pending; /* Ctrl-C not yet handled (gil.h) */
    int nthreads;        /* thread states on the list */
    int threads_started; /* threads started besides the main one (GIL events show from then) */
    uint64_t tasks_spawned; /* scheduler tasks numbered so far: Task-1, Task-2... (all threads) */
    /* Set by the scheduler module: fd is about to be closed (a socket's or
     * file's close, or its collection: then t is NULL), so its registration
     * goes and the tasks waiting on it wake with EBADF. NULL until the module
     * is used. */
    void (*fd_closing)(BtInterp *in, BtThread *t, int fd);
    int recursion_limit;       /* sys.getrecursionlimit() */
    int int_max_str_digits;    /* sys.get_int_max_str_digits(): 4300, 0 for no limit */
    uint64_t type_epoch;       /* bumped whenever any class's attributes may change (method caches) */
    const char *main_path;     /* directory of the main script, searched by import */
    const char *search_path;   /* BATONPATH, or NULL */
    int argc;                  /* sys.argv */
    char **argv;
};

struct BtThread {
    BtInterp *interp;
    BtThread *next_thread;
    BtValue *stack;      /* base of this thread's value stack (frames of plain calls) */
    BtValue *stack_end;  /* one past the last usable slot */
    BtValue *stack_top;  /* first slot not used by any frame on the chain */
    BtValue *stack_dirty; /* popped frames may have left values below here (gc.c clears them) */
    BtFrame *frame;      /* innermost frame, or NULL outside any Python code */
    BtValue exc;         /* the exception in flight, or BT_UNDEF */
    BtValue handled;     /* the exception being handled by an except block (sys.exc_info) */
    int py_depth;        /* Python frames on the chain, checked against recursion_limit */
    int c_depth;         /* nested entries into the eval loop (C re-entry guard) */
    BtValue **roots;     /* temporaries held by C code (BT_PUSH_ROOT); grows (gc.c) */
    int nroots, roots_cap;
    char *c_stack_floor; /* C recursion stops here with RecursionError (object.c), NULL until known */
    BtHook *hook;        /* trace hook, or NULL when nobody watches */
    /* The eval breaker: the loop tests this one word on backward jumps, calls
     * and resumes; its bits ask for a GIL drop, signal handling, ... (gil.h). */
    _Atomic uint32_t breaker;
    BtThread *_Atomic drop_requester; /* who asked for the GIL (for the trace) */
    bool urgent_turn;                 /* priority GIL: back from a blocking call, not yet CPU-bound */
    int gil_pinned;                   /* >0: breaker checks do not hand the GIL over (a tracer's reprs) */
    _Atomic int run_state;            /* BtRunState: what :threads shows */
    const char *_Atomic blocked_in;   /* the blocking call while BT_THREAD_BLOCKED */
    pthread_t os_thread;
    uint64_t ident;      /* threading.get_ident() */
    long native_id;      /* threading.get_native_id(): the kernel's thread id */
    char name[64];       /* the threading name, for the trace and :threads */
    BtValue thread_obj;  /* the threading.Thread object of this thread, or BT_UNDEF */
    BtValue scheduler;   /* this thread's built-in scheduler (stdlib/mod_scheduler.c), or BT_UNDEF */
    BtValue start;       /* (function, args, kwargs) until a new thread runs them */
    BtValue done_lock;   /* a lock released when the thread ends (join), or BT_UNDEF */
};

typedef enum {
    BT_THREAD_RUNNING,     /* holds the GIL */
    BT_THREAD_WAITING_GIL, /* ready to run, waiting for the GIL */
    BT_THREAD_BLOCKED,     /* in a blocking call (blocked_in), GIL released */
} BtRunState;

/* The interpreter state for a new process: the built-in types, names,
 * modules registry and a main thread (returned in *main_out). NULL when
 * memory runs out. argv becomes sys.argv. */
BtInterp *bt_interp_new(int argc, char **argv, BtThread **main_out);
/* At the end of a program: drop the main module's globals and close the
 * generators that leaves unreachable (their finally blocks run), as
 * CPython's shutdown does. */
void bt_interp_shutdown(BtThread *t);
/* Release everything the interpreter owns (all objects, all threads). */
void bt_interp_free(BtInterp *interp);

/* A new thread state on interp's list (call with the GIL held; the OS
 * thread is the caller's business, see stdlib/mod_thread.c). NULL when out
 * of memory. Unlink and free it when its thread ends (GIL held). */
BtThread *bt_thread_new(BtInterp *interp);
void bt_thread_unlink(BtThread *t);
void bt_thread_free(BtThread *t);

/* An interned name (BT_NAME(t, dunder_init)). */
#define BT_NAME(t, field) ((t)->interp->names.field)
/* A built-in type (BT_TYPE(t, list)) and exception type (BT_EXC(t, ValueError)). */
#define BT_TYPE(t, field) ((t)->interp->types.field)
#define BT_EXC(t, name) ((t)->interp->exc.name)

#endif
