/* mod_sys.c: the sys module (stdlib stage; see stdlib/README.md).
 *
 * sys.stdout/stderr/stdin are file objects from fileio.c around the C
 * streams. sys.version says which Python the language follows and that this
 * is Baton ("3.11.0 (baton 0.1.0)"); sys.implementation.name is 'baton'.
 * The switch interval belongs to the GIL (vm/gil.h).
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/fileio.h"
#include "vm/gil.h"
#include "stdlib/modules.h"
#include "stdlib/stdlib.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

#define BATON_VERSION "0.1.0"
#define SYS_VERSION   "3.11.0 (baton " BATON_VERSION ")"

static BtValue sys_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "exit", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    BtValue e = bt_exc_new(t, BT_EXC(t, SystemExit), args, nargs);
    if (!bt_is_undef(e))
        bt_raise_value(t, e);
    return BT_UNDEF;
}

static BtValue sys_getrecursionlimit(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!bt_check_args(t, "sys.getrecursionlimit", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int(t->interp->recursion_limit);
}

static BtValue sys_get_int_max_str_digits(BtThread *t, BtValue self, BtValue *args, int nargs,
                                          BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "sys.get_int_max_str_digits", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int(t->interp->int_max_str_digits);
}

/* The limit on decimal int conversions (vm/bigint.c); 0 lifts it. */
static BtValue sys_set_int_max_str_digits(BtThread *t, BtValue self, BtValue *args, int nargs,
                                          BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"maxdigits", NULL};
    BtValue a[1];
    int64_t limit;
    if (!bt_parse_args(t, "set_int_max_str_digits", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (bt_int_is_huge(a[0]) || !bt_int_index(t, a[0], &limit) || (limit != 0 && limit < 640) ||
        limit > INT32_MAX) {
        if (!bt_has_exc(t))
            bt_raise(t, BT_EXC(t, ValueError), "maxdigits must be 0 or larger than 640");
        return BT_UNDEF;
    }
    t->interp->int_max_str_digits = (int)limit;
    return BT_NONE;
}

static BtValue sys_setrecursionlimit(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    (void)self;
    int64_t limit;
    if (!bt_check_args(t, "setrecursionlimit", nargs, kwnames, 1, 1) ||
        !bt_int_index(t, args[0], &limit))
        return BT_UNDEF;
    if (limit < 1) {
        bt_raise(t, BT_EXC(t, ValueError), "recursion limit must be greater or equal than 1");
        return BT_UNDEF;
    }
    if (limit > INT32_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        return BT_UNDEF;
    }
    if (limit <= t->py_depth) {
        bt_raise(t, BT_EXC(t, RecursionError),
                 "cannot set the recursion limit to %d at the recursion depth %d: the limit is "
                 "too low",
                 (int)limit, t->py_depth);
        return BT_UNDEF;
    }
    t->interp->recursion_limit = (int)limit;
    return BT_NONE;
}

static BtValue sys_getswitchinterval(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    (void)self, (void)args;
    if (!bt_check_args(t, "sys.getswitchinterval", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_float(bt_gil_switch_interval(t->interp));
}

static BtValue sys_setswitchinterval(BtThread *t, BtValue self, BtValue *args, int nargs,
                                     BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "setswitchinterval", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    double d;
    if (!bt_num_as_double(args[0], &d)) {
        bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %s", bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    if (!(d > 0.0)) {
        bt_raise(t, BT_EXC(t, ValueError), "switch interval must be strictly positive");
        return BT_UNDEF;
    }
    /* Like CPython, the interval is kept in whole microseconds. */
    bt_gil_set_switch_interval(t->interp, d);
    return BT_NONE;
}

static BtValue sys_intern(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "intern", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_str(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "intern() argument must be str, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtStr *s = bt_str_intern_str(t, bt_as_str(args[0]));
    return s ? bt_obj(s) : BT_UNDEF;
}

/* (type, value, traceback) of the exception being handled, or three Nones. */
static BtValue sys_exc_info(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!bt_check_args(t, "sys.exc_info", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtValue e = t->handled;
    BtValue items[3] = {BT_NONE, BT_NONE, BT_NONE};
    if (bt_is_obj(e)) {
        items[0] = bt_obj(bt_type_of(t, e));
        items[1] = e;
        if (bt_as_obj(e)->type->layout == BT_LAYOUT_EXCEPTION) {
            BtValue tb = ((BtException *)bt_as_obj(e))->traceback;
            items[2] = bt_is_undef(tb) ? BT_NONE : tb;
        }
    }
    BtTuple *tp = bt_tuple_from(t, items, 3);
    return tp ? bt_obj(tp) : BT_UNDEF;
}

static BtValue sys_getdefaultencoding(BtThread *t, BtValue self, BtValue *args, int nargs,
                                      BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!bt_check_args(t, "sys.getdefaultencoding", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtStr *s = bt_str_from_cstr(t, "utf-8");
    return s ? bt_obj(s) : BT_UNDEF;
}

/* sys.excepthook(type, value, traceback): print the exception and its
 * traceback to stderr, as an uncaught one is (the traceback object passed
 * is not consulted: the exception carries its own). */
static BtValue sys_excepthook(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "excepthook", nargs, kwnames, 3, 3))
        return BT_UNDEF;
    fflush(stdout);
    if (!bt_is_obj(args[1]) || bt_as_obj(args[1])->type->layout != BT_LAYOUT_EXCEPTION)
        /* CPython reports this and returns, rather than raising. */
        fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                bt_type_name(t, args[1]));
    else
        bt_exc_print(t, args[1], stderr);
    fflush(stderr);
    return BT_NONE;
}

/* sys.unraisablehook(unraisable): the default report of an exception
 * nobody can catch (a generator's close() in the collector, a weakref
 * callback...), which a program may replace. */
static BtValue sys_unraisablehook(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "unraisablehook", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!bt_is_obj(args[0]) || bt_as_obj(args[0])->type != t->interp->unraisable_args) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "sys.unraisablehook argument type must be UnraisableHookArgs");
        return BT_UNDEF;
    }
    BtTuple *a = bt_as_tuple(args[0]); /* exc_type, exc_value, exc_traceback, err_msg, object */
    bt_exc_write_unraisable(t, a->items[3], a->items[4], a->items[1]);
    return BT_NONE;
}

/* sys.getsizeof(obj[, default]): the bytes Baton spends on obj itself, not
 * on what it refers to. A value held in the 8-byte word (an int of up to 50
 * bits, a float, a bool, None) is 8; an object is its block (a 16-byte
 * header and its fields) plus the buffers it owns: a list's item array, a
 * dict's entries and index, a set's table, the text of a str or bytes. Not
 * CPython's numbers, whose objects are laid out differently (README). */
static BtValue sys_getsizeof(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "getsizeof", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue v = args[0];
    if (!bt_is_obj(v))
        return bt_int((int64_t)sizeof(BtValue));
    BtObject *o = bt_as_obj(v);
    BtType *ty = o->type, *nb = ty->native;
    BtInterp *in = t->interp;
    size_t n = ty->instance_size ? ty->instance_size : sizeof(BtObject);
    if (ty == in->types.int_) {
        int32_t limbs = (int32_t)o->aux32;
        n = sizeof(BtObject) + (size_t)(limbs < 0 ? -limbs : limbs) * sizeof(uint64_t);
    } else if (ty == in->types.str) {
        n = sizeof(BtStr) + ((BtStr *)o)->size + 1;
    } else if (ty == in->types.bytes) {
        n = sizeof(BtBytes) + ((BtBytes *)o)->size + 1;
    } else if (ty == in->types.tuple) {
        n = sizeof(BtTuple) + ((BtTuple *)o)->len * sizeof(BtValue);
    } else if (nb == in->types.list) {
        n += ((BtList *)o)->cap * sizeof(BtValue);
    } else if (nb == in->types.dict) {
        BtDict *d = (BtDict *)o;
        n += d->cap * sizeof(BtDictEntry) + d->index_size * sizeof(int32_t);
    } else if (nb == in->types.set || nb == in->types.frozenset) {
        BtSet *st = (BtSet *)o;
        if (st->table != st->small)
            n += (st->mask + 1) * sizeof(BtSetEntry);
    } else if (nb == in->types.bytearray) {
        BtByteView view;
        if (bt_byte_view(t, v, &view))
            n += view.size;
    }
    return bt_int((int64_t)n);
}

static const BtNativeDef sys_functions[] = {
    {"getsizeof", sys_getsizeof},
    {"excepthook", sys_excepthook},
    {"unraisablehook", sys_unraisablehook},
    {"exit", sys_exit},
    {"getswitchinterval", sys_getswitchinterval},
    {"setswitchinterval", sys_setswitchinterval},
    {"getrecursionlimit", sys_getrecursionlimit},
    {"setrecursionlimit", sys_setrecursionlimit},
    {"get_int_max_str_digits", sys_get_int_max_str_digits},
    {"set_int_max_str_digits", sys_set_int_max_str_digits},
    {"intern", sys_intern},
    {"exc_info", sys_exc_info},
    {"getdefaultencoding", sys_getdefaultencoding},
    {NULL, NULL},
};

/* ---- building the module ---- */


static bool set_str(BtThread *t, BtModule *m, const char *name, const char *text) {
    BtStr *s = bt_str_from_cstr(t, text);
    return s && bt_module_set(t, m, name, bt_obj(s));
}

static bool set_int(BtThread *t, BtModule *m, const char *name, int64_t i) {
    BtValue v = bt_int_from_i64(t, i);
    return !bt_is_undef(v) && bt_module_set(t, m, name, v);
}

/* sys.argv from the command line the interpreter was given. */
static bool set_argv(BtThread *t, BtModule *m) {
    BtValue list = bt_obj(bt_list_new(t, 0));
    if (!bt_as_obj(list))
        return false;
    BT_PUSH_ROOT(t, &list);
    bool ok = true;
    for (int i = 0; ok && i < t->interp->argc; i++) {
        BtStr *s = bt_str_from_cstr(t, t->interp->argv[i]);
        ok = s && bt_list_append(t, bt_as_list(list), bt_obj(s));
    }
    if (ok && t->interp->argc == 0) {
        BtStr *s = bt_str_from_cstr(t, "");
        ok = s && bt_list_append(t, bt_as_list(list), bt_obj(s));
    }
    ok = ok && bt_module_set(t, m, "argv", list);
    BT_POP_ROOT(t, 1);
    return ok;
}

/* sys.path: the script's folder, then the BATONPATH entries. */
static bool set_path(BtThread *t, BtModule *m) {
    BtValue list = bt_obj(bt_list_new(t, 0));
    if (!bt_as_obj(list))
        return false;
    BT_PUSH_ROOT(t, &list);
    const char *main = t->interp->main_path;
    BtStr *s = bt_str_from_cstr(t, main ? main : "");
    bool ok = s && bt_list_append(t, bt_as_list(list), bt_obj(s));
    const char *p = t->interp->search_path;
    while (ok && p && *p) {
        const char *colon = strchr(p, ':');
        size_t n = colon ? (size_t)(colon - p) : strlen(p);
        if (n > 0) {
            s = bt_str_new(t, p, n);
            ok = s && bt_list_append(t, bt_as_list(list), bt_obj(s));
        }
        p = colon ? colon + 1 : NULL;
    }
    const char *lib = bt_import_lib_dir(); /* Baton's own Python modules, last */
    if (ok && lib) {
        s = bt_str_from_cstr(t, lib);
        ok = s && bt_list_append(t, bt_as_list(list), bt_obj(s));
    }
    ok = ok && bt_module_set(t, m, "path", list);
    BT_POP_ROOT(t, 1);
    return ok;
}

/* sys.version_info's fields, as CPython's struct sequence names them. */
static const char *const version_fields[] = {"major", "minor", "micro", "releaselevel", "serial"};

/* A version_info (major, minor, micro, 'final', 0) of type vt. */
static BtValue version_info(BtThread *t, BtType *vt, int major, int minor, int micro) {
    BtStr *final = bt_str_from_cstr(t, "final");
    BtValue items[5] = {bt_int(major), bt_int(minor), bt_int(micro),
                        final ? bt_obj(final) : BT_NONE, bt_int(0)};
    BT_PUSH_ROOT(t, &items[3]);
    BtValue v = final ? bt_structseq_new(t, vt, items) : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    return v;
}

/* sys.implementation prints as CPython's, a types.SimpleNamespace:
 * namespace(name='baton', cache_tag=None, ...). It is a module underneath
 * (attributes in its dict), of a module subtype with that repr. */
static BtValue namespace_repr(BtThread *t, BtValue self) {
    BtDict *d = ((BtModule *)bt_as_obj(self))->dict;
    BtBuf b;
    bt_buf_init(&b);
    bt_buf_puts(&b, "namespace(");
    size_t pos = 0;
    BtValue k, v;
    const char *sep = "";
    while (bt_dict_next(d, &pos, &k, &v)) {
        if (!bt_is_str(t, k) || strncmp(bt_as_str(k)->data, "__", 2) == 0)
            continue; /* the module's own __name__ and __doc__ */
        BtValue r = bt_repr(t, v);
        if (bt_is_undef(r)) {
            bt_buf_free(&b);
            return BT_UNDEF;
        }
        bt_buf_puts(&b, sep);
        bt_buf_append(&b, bt_as_str(k)->data, bt_as_str(k)->size);
        bt_buf_putc(&b, '=');
        bt_buf_append(&b, bt_as_str(r)->data, bt_as_str(r)->size);
        sep = ", ";
    }
    bt_buf_putc(&b, ')');
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtModule *namespace_new(BtThread *t, const char *name) {
    BtType *mod = BT_TYPE(t, module);
    BtType *nt = bt_type_new_native(t, "SimpleNamespace", mod, mod->instance_size);
    BtValue keep = nt ? bt_obj(nt) : BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BtStr *tname = nt ? bt_str_intern_cstr(t, "types") : NULL;
    BtStr *mname = tname ? bt_str_intern_cstr(t, name) : NULL;
    BtModule *m = mname ? bt_module_new(t, mname) : NULL;
    BT_POP_ROOT(t, 1);
    if (!m)
        return NULL;
    nt->module = tname;
    nt->native = mod;
    nt->trace = mod->trace;
    nt->repr = namespace_repr;
    nt->construct = NULL;
    m->hdr.type = nt;
    return m;
}

/* sys.__excepthook__ and sys.__unraisablehook__: the original hooks, for a
 * program that replaced them; and the type of the unraisable hook's argument. */
static bool set_hook_twins(BtThread *t, BtModule *m) {
    static const char *const unraisable_fields[] = {"exc_type", "exc_value", "exc_traceback",
                                                    "err_msg", "object"};
    BtStr *name = bt_str_intern_cstr(t, "excepthook");
    BtValue hook = name ? bt_dict_get_str(m->dict, name) : BT_UNDEF;
    if (bt_is_undef(hook) || !bt_module_set(t, m, "__excepthook__", hook))
        return false;
    name = bt_str_intern_cstr(t, "unraisablehook");
    hook = name ? bt_dict_get_str(m->dict, name) : BT_UNDEF;
    if (bt_is_undef(hook) || !bt_module_set(t, m, "__unraisablehook__", hook))
        return false;
    t->interp->unraisable_args =
        bt_structseq_type(t, NULL, "UnraisableHookArgs", unraisable_fields, 5);
    return t->interp->unraisable_args != NULL;
}

/* sys.implementation (name, cache_tag, version, hexversion: Baton's own
 * version) and sys.version_info (the Python it follows). */
static bool set_implementation(BtThread *t, BtModule *sys) {
    BtType *vt = bt_structseq_type(t, "sys", "version_info", version_fields, 5);
    BtValue vtv = vt ? bt_obj(vt) : BT_UNDEF;
    BT_PUSH_ROOT(t, &vtv);
    BtModule *impl = vt ? namespace_new(t, "sys.implementation") : NULL;
    BtValue iv = impl ? bt_obj(impl) : BT_UNDEF, ver = BT_UNDEF;
    BT_PUSH_ROOT(t, &iv);
    BT_PUSH_ROOT(t, &ver);
    bool ok = impl && set_str(t, impl, "name", "baton") &&
              bt_module_set(t, impl, "cache_tag", BT_NONE);
    if (ok) {
        ver = version_info(t, vt, 0, 1, 0);
        ok = !bt_is_undef(ver) && bt_module_set(t, impl, "version", ver) &&
             bt_module_set(t, impl, "hexversion", bt_int(0x000100f0)) &&
             bt_module_set(t, sys, "implementation", iv);
    }
    if (ok) {
        ver = version_info(t, vt, 3, 11, 0);
        ok = !bt_is_undef(ver) && bt_module_set(t, sys, "version_info", ver);
    }
    BT_POP_ROOT(t, 3);
    return ok;
}

/* stdin/stdout/stderr and their __x__ twins, the same objects. */
static bool set_streams(BtThread *t, BtModule *m) {
    static const char *const names[3][2] = {
        {"stdin", "__stdin__"}, {"stdout", "__stdout__"}, {"stderr", "__stderr__"}};
    for (int fd = 0; fd < 3; fd++) {
        BtValue f = bt_fileio_std(t, fd);
        if (bt_is_undef(f))
            return false;
        BT_PUSH_ROOT(t, &f);
        bool ok = bt_module_set(t, m, names[fd][0], f) && bt_module_set(t, m, names[fd][1], f);
        BT_POP_ROOT(t, 1);
        if (!ok)
            return false;
    }
    return true;
}

BtModule *bt_mod_sys_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "sys");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    const uint16_t probe = 1;
    bool ok = bt_module_add_functions(t, m, sys_functions) && set_argv(t, m) &&
         set_path(t, m) && set_streams(t, m) &&
         bt_module_set(t, m, "modules", bt_obj(t->interp->modules)) &&
         set_int(t, m, "maxsize", INT64_MAX) && set_str(t, m, "version", SYS_VERSION) &&
         set_str(t, m, "platform", "linux") &&
         set_str(t, m, "byteorder", *(const uint8_t *)&probe ? "little" : "big") &&
         bt_module_set(t, m, "hexversion", bt_int(0x030b00f0)) && set_str(t, m, "executable", "") &&
         set_implementation(t, m) &&
         set_hook_twins(t, m);
    if (ok) {
        /* A list of the builtin module names, as CPython keeps it. */
        size_t n = 0;
        while (bt_stdlib_modules[n].name)
            n++;
        BtTuple *names = bt_tuple_new(t, n);
        BtValue nv = names ? bt_obj(names) : BT_UNDEF;
        BT_PUSH_ROOT(t, &nv);
        for (size_t i = 0; names && i < n; i++) {
            BtStr *s = bt_str_intern_cstr(t, bt_stdlib_modules[i].name);
            if (!s) {
                names = NULL;
                break;
            }
            names->items[i] = bt_obj(s);
        }
        ok = names && bt_module_set(t, m, "builtin_module_names", nv);
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
