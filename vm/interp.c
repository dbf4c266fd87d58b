/* interp.c: creating and destroying the interpreter and its threads (vm stage).
 *
 * Design notes. Types refer to each other (every type's type is `type`, a
 * str's dict holds natives, the natives' type is a type...), so start-up
 * happens in stages with the collector switched off: first every built-in
 * type object is allocated bare, then the dicts, names and MROs that make
 * them real, then each type file fills in its slots and methods. Only then
 * may code run and the collector work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"

/* Value-stack slots reserved per thread (virtual memory; pages are only
 * committed as deep recursion touches them). */
#define BT_STACK_SLOTS ((size_t)4 << 20)

BtThread *bt_thread_new(BtInterp *in) {
    BtThread *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    size_t bytes = BT_STACK_SLOTS * sizeof(BtValue);
    void *mem = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                     -1, 0);
    if (mem == MAP_FAILED) {
        free(t);
        return NULL;
    }
    t->interp = in;
    t->stack = mem;
    t->stack_top = mem;
    t->stack_dirty = mem;
    t->stack_end = t->stack + BT_STACK_SLOTS;
    t->exc = BT_UNDEF;
    t->handled = BT_UNDEF;
    t->thread_obj = BT_UNDEF;
    t->start = BT_UNDEF;
    t->done_lock = BT_UNDEF;
    t->scheduler = BT_UNDEF;
    t->os_thread = pthread_self();
    t->next_thread = in->threads;
    in->threads = t;
    in->nthreads++;
    return t;
}

void bt_thread_unlink(BtThread *t) {
    BtInterp *in = t->interp;
    for (BtThread **link = &in->threads; *link; link = &(*link)->next_thread)
        if (*link == t) {
            *link = t->next_thread;
            in->nthreads--;
            return;
        }
}

void bt_thread_free(BtThread *t) {
    munmap(t->stack, BT_STACK_SLOTS * sizeof(BtValue));
    free(t->roots);
    free(t);
}

/* Give a bare built-in type its name, bases and MRO (object, or int for bool). */
static bool name_builtin_type(BtThread *t, BtType *ty, const char *name) {
    BtInterp *in = t->interp;
    ty->name = bt_str_intern_cstr(t, name);
    if (!ty->name)
        return false;
    ty->qualname = ty->name;
    ty->layout = BT_LAYOUT_BUILTIN;
    if (ty == in->types.object) {
        ty->bases = bt_tuple_new(t, 0);
        ty->mro = ty->bases ? bt_tuple_from(t, (BtValue[]){bt_obj(ty)}, 1) : NULL;
        return ty->mro != NULL;
    }
    BtType *base = ty == in->types.bool_ ? in->types.int_ : in->types.object;
    ty->base = base;
    ty->bases = bt_tuple_from(t, (BtValue[]){bt_obj(base)}, 1);
    if (!ty->bases)
        return false;
    BtValue chain[3] = {bt_obj(ty), bt_obj(base), bt_obj(in->types.object)};
    ty->mro = bt_tuple_from(t, chain, base == in->types.object ? 2 : 3);
    return ty->mro != NULL;
}

static bool bootstrap_types(BtThread *t) {
    BtInterp *in = t->interp;
#define ALLOC_TYPE(field, pyname)                                                                  \
    if (!(in->types.field = bt_gc_alloc(t, NULL, sizeof(BtType))))                                 \
        return false;
    BT_BUILTIN_TYPES(ALLOC_TYPE)
#undef ALLOC_TYPE
#define FIX_TYPE(field, pyname)                                                                    \
    in->types.field->hdr.type = in->types.type;                                                    \
    in->types.field->native = in->types.field;                                                     \
    if (!(in->types.field->dict = bt_dict_new(t)))                                                 \
        return false;
    BT_BUILTIN_TYPES(FIX_TYPE)
#undef FIX_TYPE
    if (!(in->interned = bt_dict_new(t)))
        return false;
#define NAME_TYPE(field, pyname)                                                                   \
    if (!name_builtin_type(t, in->types.field, pyname))                                            \
        return false;
    BT_BUILTIN_TYPES(NAME_TYPE)
#undef NAME_TYPE
    in->types.object->flags |= BT_TYPE_BASETYPE;
#define MAKE_NAME(field, text)                                                                     \
    if (!(in->names.field = bt_str_intern_cstr(t, text)))                                          \
        return false;
    BT_NAMES(MAKE_NAME)
#undef MAKE_NAME
    static const char *const binop_dunders[][3] = {
#define BINOP_DUNDERS(name, sym, d, rd, id) {d, rd, id},
        BT_BINOPS(BINOP_DUNDERS)
#undef BINOP_DUNDERS
    };
    for (int op = 0; op < BT_BINOP__COUNT; op++)
        for (int k = 0; k < 3; k++)
            if (!(in->binop_names[op][k] = bt_str_intern_cstr(t, binop_dunders[op][k])))
                return false;
    in->not_implemented = bt_gc_alloc(t, in->types.not_implemented, sizeof(BtObject));
    in->ellipsis = bt_gc_alloc(t, in->types.ellipsis, sizeof(BtObject));
    return in->not_implemented && in->ellipsis;
}

static bool init_types(BtThread *t) {
    return bt_object_init_type(t) && bt_type_init_type(t) && bt_str_init_types(t) &&
           bt_int_init_types(t) && bt_float_init_types(t) && bt_list_init_types(t) &&
           bt_dict_init_types(t) && bt_range_init_types(t) && bt_func_init_types(t) &&
           bt_exc_init_types(t) && bt_gen_init_types(t) && bt_bytearray_init_type(t) && bt_array_init_type(t) &&
           bt_memoryview_init_type(t) && bt_deque_init_types(t) && bt_weakref_init_types(t) && bt_generic_alias_init_type(t) && bt_type_init_subclassable(t) &&
           bt_type_add_slot_wrappers(t);
}

BtInterp *bt_interp_new(int argc, char **argv, BtThread **main_out) {
    BtInterp *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    bt_gc_init(&in->heap);
    const char *stress = getenv("BATON_GC_STRESS");
    in->heap.stress = stress && *stress && strcmp(stress, "0") != 0;
    in->heap.disabled = 1;
    in->recursion_limit = 1000;
    in->int_max_str_digits = 4300;
    in->argc = argc;
    in->argv = argv;
    const char *path = getenv("BATONPATH");
    in->search_path = path && *path ? path : NULL;
    BtThread *t = bt_thread_new(in);
    if (!t) {
        free(in);
        return NULL;
    }
    in->main_thread = t;
    t->ident = (uint64_t)pthread_self();
    t->native_id = (long)gettid();
    strcpy(t->name, "MainThread");
    if (!bt_gil_create(in, t)) {
        bt_thread_free(t);
        free(in);
        return NULL;
    }
    bool ok = bootstrap_types(t) && init_types(t);
    if (ok) {
        in->modules = bt_dict_new(t);
        in->builtins = bt_dict_new(t);
        ok = in->modules && in->builtins;
    }
    in->heap.disabled = 0;
    if (!ok) {
        bt_interp_free(in);
        return NULL;
    }
    *main_out = t;
    return in;
}

/* Call module.fn() if the program imported module; an exception is printed
 * and ends the call. */
static void call_exit_hook(BtThread *t, const char *module, const char *fn) {
    BtInterp *in = t->interp;
    BtStr *name = bt_str_intern_cstr(t, module);
    BtValue mod = name ? bt_dict_get_str(in->modules, name) : BT_UNDEF;
    BtStr *fn_name = bt_str_intern_cstr(t, fn);
    if (!bt_is_obj(mod) || !fn_name) {
        bt_take_exc(t);
        return;
    }
    BT_PUSH_ROOT(t, &mod);
    BtValue f = bt_getattr_opt(t, mod, fn_name);
    if (!bt_is_undef(f) && bt_is_undef(bt_call(t, f, NULL, 0, NULL)))
        bt_exc_report_unraisable(t, "in", mod, bt_take_exc(t));
    bt_take_exc(t);
    BT_POP_ROOT(t, 1);
}

void bt_interp_shutdown(BtThread *t) {
    BtInterp *in = t->interp;
    /* As CPython at exit: threading._shutdown() joins every thread that is
     * not a daemon, then the atexit functions run, last registered first. */
    call_exit_hook(t, "threading", "_shutdown");
    call_exit_hook(t, "atexit", "_run_exitfuncs");
    BtValue main = bt_dict_get_str(in->modules, in->names.dunder_main);
    if (bt_is_obj(main) && bt_as_obj(main)->type == in->types.module) {
        /* As CPython's module teardown: every global becomes None, so what
         * only the module held becomes garbage. */
        BtDict *d = ((BtModule *)bt_as_obj(main))->dict;
        size_t pos = 0;
        BtValue k, v;
        while (bt_dict_next(d, &pos, &k, &v))
            if (bt_is_str(t, k) && bt_as_str(k)->data[0] != '_' && !bt_dict_set(t, d, k, BT_NONE))
                bt_take_exc(t);
    }
    bt_gc_collect(t);
    bt_gen_run_pending_closes(t);
}

void bt_interp_free(BtInterp *in) {
    if (!in)
        return;
    if (in->nthreads > 1) {
        /* Daemon threads still run (or wait for the GIL, which this thread
         * keeps to the end): they may touch anything, so nothing is freed;
         * the process is about to exit and takes them with it. */
        bt_gil_finalize(in);
        return;
    }
    bt_gc_free_all(in);
    free(in->renamed_gens.slots);
    bt_weakref_free_index(in);
    bt_gil_destroy(in);
    BtThread *t = in->threads;
    while (t) {
        BtThread *next = t->next_thread;
        bt_thread_free(t);
        t = next;
    }
    free(in);
}
