/* mod_dis.c: the dis module (stdlib stage; see stdlib/README.md).
 *
 * dis.dis(x) finds the code object behind x (a function, method, generator,
 * code object, class, module or source string) and prints it with the VM's
 * disassembler (vm/dis.h), nested code objects included, in CPython's column
 * layout but with Baton's instruction set. Output goes straight to the C
 * stream behind sys.stdout (or file=), so it interleaves with print().
 */
#include <stdlib.h>
#include <string.h>

#include "stdlib/fileio.h"
#include "stdlib/modules.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/list.h"
#include "vm/str.h"

/* The code object behind x, or NULL when x has none (no exception). */
static BtCode *code_of(BtThread *t, BtValue x) {
    if (!bt_is_obj(x))
        return NULL;
    BtType *type = bt_as_obj(x)->type;
    if (type == BT_TYPE(t, method)) {
        x = ((BtMethod *)bt_as_obj(x))->func;
        if (!bt_is_obj(x))
            return NULL;
        type = bt_as_obj(x)->type;
    }
    if (type == BT_TYPE(t, function))
        return ((BtFunction *)bt_as_obj(x))->code;
    if (type == BT_TYPE(t, code))
        return (BtCode *)bt_as_obj(x);
    if (type == BT_TYPE(t, generator) || type == BT_TYPE(t, coroutine) ||
        type == BT_TYPE(t, async_generator)) {
        BtGen *g = (BtGen *)bt_as_obj(x);
        return g->frame.code;
    }
    return NULL;
}

/* Where dis writes: the C stream behind a text file, or a memory stream
 * whose text is handed to file.write afterwards. */
typedef struct {
    FILE *fp;
    BtValue file; /* the Python file when fp is a memory stream, else BT_UNDEF */
    char *buf;
    size_t size;
} DisOut;

static bool out_open(BtThread *t, BtValue file, DisOut *o) {
    o->file = BT_UNDEF;
    o->buf = NULL;
    o->size = 0;
    o->fp = bt_fileio_text_stream(file, true);
    if (o->fp)
        return true;
    o->fp = open_memstream(&o->buf, &o->size);
    if (!o->fp) {
        bt_raise_memory(t);
        return false;
    }
    o->file = file;
    return true;
}

/* Finish: pass memory-stream text to file.write. file is rooted by the caller. */
static bool out_close(BtThread *t, DisOut *o) {
    if (bt_is_undef(o->file))
        return true;
    fclose(o->fp);
    bool ok = false;
    BtStr *s = bt_str_new(t, o->buf ? o->buf : "", o->size);
    free(o->buf);
    if (!s)
        return false;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    BtValue w = bt_getattr(t, o->file, BT_NAME(t, write));
    if (!bt_is_undef(w)) {
        BT_PUSH_ROOT(t, &w);
        ok = !bt_is_undef(bt_call(t, w, &sv, 1, NULL));
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* A class or module: "Disassembly of NAME:" for each function in its dict, by name. */
static bool dis_namespace(BtThread *t, BtDict *d, FILE *fp) {
    BtValue names = bt_obj(bt_list_new(t, 0));
    if (!bt_as_obj(names))
        return false;
    BT_PUSH_ROOT(t, &names);
    size_t pos = 0;
    BtValue k, v;
    bool ok = true;
    while (ok && bt_dict_next(d, &pos, &k, &v)) {
        if (bt_is_str(t, k) && code_of(t, v))
            ok = bt_list_append(t, bt_as_list(names), k);
    }
    ok = ok && bt_list_sort(t, bt_as_list(names), BT_UNDEF, false);
    for (size_t i = 0; ok && i < bt_as_list(names)->len; i++) {
        BtStr *name = bt_as_str(bt_as_list(names)->items[i]);
        BtCode *code = code_of(t, bt_dict_get_str(d, name));
        if (!code)
            continue;
        fprintf(fp, "Disassembly of %s:\n", name->data);
        bt_dis_code(t, code, fp, true);
        fputc('\n', fp);
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

static BtValue dis_dis(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"|x", "$file", "depth", "show_caches", "adaptive", NULL};
    BtValue a[5];
    if (!bt_parse_args(t, "dis", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue x = a[0];
    if (bt_is_undef(x) || bt_is_none(x)) {
        bt_raise(t, BT_EXC(t, RuntimeError), "no last traceback to disassemble");
        return BT_UNDEF;
    }
    BtValue file = a[1], holder = BT_UNDEF;
    BT_PUSH_ROOT(t, &file);
    BT_PUSH_ROOT(t, &holder);
    BtValue result = BT_UNDEF;
    if (bt_is_undef(file) || bt_is_none(file)) {
        BtStr *sys = bt_str_intern_cstr(t, "sys");
        BtStr *out = sys ? bt_str_intern_cstr(t, "stdout") : NULL;
        if (!out)
            goto done;
        BtValue m = bt_dict_get_str(t->interp->modules, sys);
        file = bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, module)
                   ? bt_dict_get_str(((BtModule *)bt_as_obj(m))->dict, out)
                   : BT_UNDEF;
        if (bt_is_undef(file)) {
            bt_raise(t, BT_EXC(t, RuntimeError), "lost sys.stdout");
            goto done;
        }
    }
    BtCode *code = code_of(t, x);
    BtDict *ns = NULL;
    if (!code && bt_is_str(t, x)) {
        BtStr *src = bt_as_str(x);
        BtStr *fname = bt_str_from_cstr(t, "<dis>");
        if (!fname)
            goto done;
        holder = bt_obj(fname);
        code = bt_compile_source(t, src->data, src->size, fname, BT_COMPILE_FILE);
        if (!code)
            goto done;
        holder = bt_obj(code);
    } else if (!code && bt_is_obj(x) && bt_as_obj(x)->type == BT_TYPE(t, module)) {
        ns = ((BtModule *)bt_as_obj(x))->dict;
    } else if (!code && bt_is_obj(x) && bt_isinstance(t, x, BT_TYPE(t, type))) {
        ns = ((BtType *)bt_as_obj(x))->dict;
    }
    if (!code && !ns) {
        bt_raise(t, BT_EXC(t, TypeError), "don't know how to disassemble %s objects",
                 bt_type_name(t, x));
        goto done;
    }
    DisOut o;
    if (!out_open(t, file, &o))
        goto done;
    bool ok = true;
    if (code)
        bt_dis_code(t, code, o.fp, true);
    else
        ok = dis_namespace(t, ns, o.fp);
    if (!bt_is_undef(o.file) || ok) {
        if (!out_close(t, &o))
            ok = false;
    }
    if (ok)
        result = BT_NONE;
done:
    BT_POP_ROOT(t, 2);
    return result;
}

static const BtNativeDef dis_functions[] = {
    {"dis", dis_dis},
    {NULL, NULL},
};

BtModule *bt_mod_dis_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "dis");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, dis_functions);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
