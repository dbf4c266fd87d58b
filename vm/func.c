/* func.c: code objects, functions, native functions, bound methods, cells
 * and modules (vm stage; see func.h).
 *
 * These are the callable and container-of-code objects; calling them is the
 * eval loop's business (eval.c), so here they are mostly data with reprs and
 * attributes. A code object owns its instruction, line and handler arrays
 * (malloc'ed by the compiler) and frees them when collected.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/strformat.h"

static BtValue str_or_undef(BtStr *s) {
    return s ? bt_obj(s) : BT_UNDEF;
}

/* "0x7f..." for reprs, as CPython's %p. */
static void format_addr(const void *p, char *buf, size_t cap) {
    snprintf(buf, cap, "%p", p);
}

/* ---- code objects ---- */

BtCode *bt_code_new(BtThread *t) {
    return bt_gc_alloc(t, BT_TYPE(t, code), sizeof(BtCode));
}

int bt_code_line(const BtCode *code, uint32_t i) {
    if (code->nlines == 0)
        return code->firstlineno;
    uint32_t lo = 0, hi = code->nlines;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (code->lines[mid].start <= i)
            lo = mid;
        else
            hi = mid;
    }
    return code->lines[lo].line;
}

static void code_trace(BtGc *gc, BtObject *o) {
    BtCode *c = (BtCode *)o;
    bt_gc_mark_obj(gc, (BtObject *)c->name);
    bt_gc_mark_obj(gc, (BtObject *)c->qualname);
    bt_gc_mark_obj(gc, (BtObject *)c->filename);
    bt_gc_mark_obj(gc, (BtObject *)c->consts);
    bt_gc_mark_obj(gc, (BtObject *)c->names);
    bt_gc_mark_obj(gc, (BtObject *)c->varnames);
    bt_gc_mark_obj(gc, (BtObject *)c->cellvars);
    bt_gc_mark_obj(gc, (BtObject *)c->freevars);
    if (c->gcache)
        for (uint32_t i = 0; i < c->ninstrs; i++)
            bt_gc_mark(gc, c->gcache[i].value);
    if (c->mcache)
        for (uint32_t i = 0; i < c->ninstrs; i++) {
            bt_gc_mark(gc, c->mcache[i].method);
            bt_gc_mark_obj(gc, (BtObject *)c->mcache[i].type);
        }
}

static void code_finalize(BtInterp *in, BtObject *o) {
    (void)in;
    BtCode *c = (BtCode *)o;
    free(c->instrs);
    free(c->lines);
    free(c->handlers);
    free(c->gcache);
    c->gcache = NULL;
    free(c->mcache);
    c->mcache = NULL;
    c->instrs = NULL;
    c->lines = NULL;
    c->handlers = NULL;
}

static BtValue code_repr(BtThread *t, BtValue self) {
    BtCode *c = (BtCode *)bt_as_obj(self);
    char addr[32];
    format_addr(c, addr, sizeof addr);
    return bt_obj(bt_str_format(t, "<code object %S at %s, file \"%S\", line %d>", c->name, addr,
                                c->filename, c->firstlineno));
}

/* CPython's co_flags bits for the flags Baton has. */
static int64_t code_cpython_flags(const BtCode *c) {
    int64_t f = 0;
    if (!(c->flags & BT_CODE_MODULE))
        f |= 0x1 | 0x2; /* CO_OPTIMIZED | CO_NEWLOCALS */
    if (c->flags & BT_CODE_VARARGS)
        f |= 0x4;
    if (c->flags & BT_CODE_VARKEYWORDS)
        f |= 0x8;
    if (c->nfrees == 0 && c->ncells == 0)
        f |= 0x40; /* CO_NOFREE is gone in 3.11; keep NESTED-free simple */
    if (c->flags & BT_CODE_ASYNC_GENERATOR)
        f |= 0x200; /* CO_ASYNC_GENERATOR */
    else if (c->flags & BT_CODE_COROUTINE)
        f |= 0x80; /* CO_COROUTINE */
    else if (c->flags & BT_CODE_GENERATOR)
        f |= 0x20;
    if (c->flags & BT_CODE_ITERABLE_COROUTINE)
        f |= 0x100;
    return f & ~0x40;
}

/* Bytes per instruction in co_code: Baton's own bytecode, each 32-bit
 * instruction little-endian (CPython's are two bytes plus caches, so the
 * offsets of co_code and co_lines() are Baton's, not CPython's). */
#define CODE_UNIT 4

static BtValue code_co_code(BtThread *t, const BtCode *c) {
    size_t n = (size_t)c->ninstrs * CODE_UNIT;
    uint8_t *buf = malloc(n ? n : 1);
    if (!buf) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    for (uint32_t i = 0; i < c->ninstrs; i++)
        for (int k = 0; k < CODE_UNIT; k++)
            buf[(size_t)i * CODE_UNIT + k] = (uint8_t)(c->instrs[i] >> (8 * k));
    BtBytes *b = bt_bytes_new(t, buf, n);
    free(buf);
    return b ? bt_obj(b) : BT_UNDEF;
}

/* co_lines(): an iterator of (start, end, line) over co_code's byte offsets,
 * one per line run, contiguous from 0 to len(co_code); line is None where
 * an instruction has no line. */
static BtValue code_co_lines(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "co_lines", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    const BtCode *c = (const BtCode *)bt_as_obj(self);
    BtList *out = bt_list_new(t, 0);
    BtValue ov = out ? bt_obj(out) : BT_UNDEF;
    BT_PUSH_ROOT(t, &ov);
    bool ok = out != NULL;
    for (uint32_t i = 0; ok && i < c->nlines; i++) {
        uint32_t start = i == 0 ? 0 : c->lines[i].start;
        uint32_t end = i + 1 < c->nlines ? c->lines[i + 1].start : c->ninstrs;
        if (start >= end)
            continue;
        int32_t line = c->lines[i].line;
        BtValue items[3] = {bt_int((int64_t)start * CODE_UNIT), bt_int((int64_t)end * CODE_UNIT),
                            line > 0 ? bt_int(line) : BT_NONE};
        BtTuple *tp = bt_tuple_from(t, items, 3);
        ok = tp && bt_list_append(t, out, bt_obj(tp));
    }
    BtValue it = ok ? bt_iter(t, ov) : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    return it;
}

/* co_lnotab (deprecated, but still there in 3.11): from co_firstlineno at
 * offset 0, a pair of bytes (offset step, signed line step) each time the
 * line changes, a step too big for a byte being spread over several pairs.
 * The offsets are co_code's, so Baton's. */
static BtValue code_co_lnotab(BtThread *t, const BtCode *c) {
    BtBuf out;
    bt_buf_init(&out);
    uint32_t at = 0;
    int32_t line = c->firstlineno;
    for (uint32_t i = 0; i < c->nlines; i++) {
        uint32_t start = (i == 0 ? 0 : c->lines[i].start) * CODE_UNIT;
        int32_t to = c->lines[i].line;
        if (to <= 0 || to == line)
            continue;
        uint32_t step = start - at;
        int32_t lstep = to - line;
        for (; step > 255; step -= 255) {
            bt_buf_putc(&out, (char)255);
            bt_buf_putc(&out, 0);
        }
        while (lstep > 127 || lstep < -128) {
            int32_t part = lstep > 127 ? 127 : -128;
            bt_buf_putc(&out, (char)step);
            bt_buf_putc(&out, (char)(uint8_t)part);
            lstep -= part;
            step = 0;
        }
        bt_buf_putc(&out, (char)step);
        bt_buf_putc(&out, (char)(uint8_t)lstep);
        at = start;
        line = to;
    }
    BtBytes *b = bt_buf_finish_bytes(t, &out);
    return b ? bt_obj(b) : BT_UNDEF;
}

static BtValue code_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtCode *c = (BtCode *)bt_as_obj(self);
    const char *n = name->data;
    if (strcmp(n, "co_name") == 0)
        return str_or_undef(c->name);
    if (strcmp(n, "co_qualname") == 0)
        return str_or_undef(c->qualname);
    if (strcmp(n, "co_filename") == 0)
        return str_or_undef(c->filename);
    if (strcmp(n, "co_firstlineno") == 0)
        return bt_int(c->firstlineno);
    if (strcmp(n, "co_argcount") == 0)
        return bt_int(c->argcount);
    if (strcmp(n, "co_posonlyargcount") == 0)
        return bt_int(c->posonlyargcount);
    if (strcmp(n, "co_kwonlyargcount") == 0)
        return bt_int(c->kwonlyargcount);
    if (strcmp(n, "co_nlocals") == 0)
        return bt_int(c->nlocals);
    if (strcmp(n, "co_stacksize") == 0)
        return bt_int(c->stacksize);
    if (strcmp(n, "co_flags") == 0)
        return bt_int(code_cpython_flags(c));
    if (strcmp(n, "co_consts") == 0)
        return bt_obj(c->consts);
    if (strcmp(n, "co_names") == 0)
        return bt_obj(c->names);
    if (strcmp(n, "co_varnames") == 0)
        return bt_obj(c->varnames);
    if (strcmp(n, "co_cellvars") == 0)
        return bt_obj(c->cellvars);
    if (strcmp(n, "co_freevars") == 0)
        return bt_obj(c->freevars);
    if (strcmp(n, "co_code") == 0)
        return code_co_code(t, c);
    if (strcmp(n, "co_lnotab") == 0)
        return code_co_lnotab(t, c);
    if (strcmp(n, "co_lines") == 0) {
        BtNative *m = bt_native_new(t, "co_lines", code_co_lines, self);
        return m ? bt_obj(m) : BT_UNDEF;
    }
    return bt_generic_getattr(t, self, name);
}

/* ---- functions ---- */

BtFunction *bt_function_new(BtThread *t, BtCode *code, BtDict *globals) {
    BtFunction *f = bt_gc_alloc(t, BT_TYPE(t, function), sizeof(BtFunction));
    if (!f)
        return NULL;
    f->code = code;
    f->globals = globals;
    f->name = code->name;
    f->qualname = code->qualname;
    /* The compiler puts a function's docstring (or None) first in co_consts. */
    f->doc = BT_NONE;
    if (!(code->flags & (BT_CODE_MODULE | BT_CODE_CLASS)) && code->consts && code->consts->len > 0 &&
        bt_is_str(t, code->consts->items[0]))
        f->doc = code->consts->items[0];
    BtValue mod = globals ? bt_dict_get_str(globals, BT_NAME(t, dunder_name)) : BT_UNDEF;
    f->module = bt_is_undef(mod) ? BT_NONE : mod;
    return f;
}

/* function(code, globals, name=None, argdefs=None, closure=None), as
 * types.FunctionType: a new function over an existing code object. */
static BtValue function_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)type;
    static const char *const params[] = {"code", "globals", "|name", "argdefs", "closure", NULL};
    BtValue a[5];
    if (!bt_parse_args(t, "function", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (!bt_is_obj(a[0]) || bt_as_obj(a[0])->type != BT_TYPE(t, code)) {
        bt_raise(t, BT_EXC(t, TypeError), "function() argument 'code' must be code, not %s",
                 bt_is_none(a[0]) ? "None" : bt_type_name(t, a[0]));
        return BT_UNDEF;
    }
    if (!bt_is_obj(a[1]) || bt_as_obj(a[1])->type != BT_TYPE(t, dict)) {
        bt_raise(t, BT_EXC(t, TypeError), "function() argument 'globals' must be dict, not %s",
                 bt_is_none(a[1]) ? "None" : bt_type_name(t, a[1]));
        return BT_UNDEF;
    }
    BtCode *code = (BtCode *)bt_as_obj(a[0]);
    bool has_name = !bt_is_undef(a[2]) && !bt_is_none(a[2]);
    if (has_name && !bt_is_str(t, a[2])) {
        bt_raise(t, BT_EXC(t, TypeError), "arg 3 (name) must be None or string");
        return BT_UNDEF;
    }
    bool has_defaults = !bt_is_undef(a[3]) && !bt_is_none(a[3]);
    if (has_defaults && (!bt_is_obj(a[3]) || bt_as_obj(a[3])->type != BT_TYPE(t, tuple))) {
        bt_raise(t, BT_EXC(t, TypeError), "arg 4 (defaults) must be None or tuple");
        return BT_UNDEF;
    }
    bool has_closure = !bt_is_undef(a[4]) && !bt_is_none(a[4]);
    if (code->nfrees > 0 &&
        (!has_closure || !bt_is_obj(a[4]) || bt_as_obj(a[4])->type != BT_TYPE(t, tuple))) {
        bt_raise(t, BT_EXC(t, TypeError), "arg 5 (closure) must be tuple");
        return BT_UNDEF;
    }
    if (has_closure && (!bt_is_obj(a[4]) || bt_as_obj(a[4])->type != BT_TYPE(t, tuple))) {
        bt_raise(t, BT_EXC(t, TypeError), "arg 5 (closure) must be None or tuple");
        return BT_UNDEF;
    }
    BtTuple *cells = has_closure ? (BtTuple *)bt_as_obj(a[4]) : NULL;
    size_t ncells = cells ? cells->len : 0;
    if (ncells != (size_t)code->nfrees) {
        bt_raise(t, BT_EXC(t, ValueError), "%S requires closure of length %d, not %zu",
                 code->name, code->nfrees, ncells);
        return BT_UNDEF;
    }
    for (size_t i = 0; i < ncells; i++)
        if (!bt_is_obj(cells->items[i]) || bt_as_obj(cells->items[i])->type != BT_TYPE(t, cell)) {
            bt_raise(t, BT_EXC(t, TypeError), "arg 5 (closure) expected cell, found %s",
                     bt_type_name(t, cells->items[i]));
            return BT_UNDEF;
        }
    BtFunction *f = bt_function_new(t, code, (BtDict *)bt_as_obj(a[1]));
    if (!f)
        return BT_UNDEF;
    if (has_name)
        f->name = bt_as_str(a[2]);
    if (has_defaults)
        f->defaults = (BtTuple *)bt_as_obj(a[3]);
    if (ncells)
        f->closure = cells;
    return bt_obj(f);
}

static void function_trace(BtGc *gc, BtObject *o) {
    BtFunction *f = (BtFunction *)o;
    bt_gc_mark_obj(gc, (BtObject *)f->code);
    bt_gc_mark_obj(gc, (BtObject *)f->globals);
    bt_gc_mark_obj(gc, (BtObject *)f->defaults);
    bt_gc_mark_obj(gc, (BtObject *)f->kwdefaults);
    bt_gc_mark_obj(gc, (BtObject *)f->closure);
    bt_gc_mark_obj(gc, (BtObject *)f->name);
    bt_gc_mark_obj(gc, (BtObject *)f->qualname);
    bt_gc_mark(gc, f->module);
    bt_gc_mark(gc, f->doc);
    bt_gc_mark_obj(gc, (BtObject *)f->dict);
}

static BtValue function_repr(BtThread *t, BtValue self) {
    BtFunction *f = (BtFunction *)bt_as_obj(self);
    char addr[32];
    format_addr(f, addr, sizeof addr);
    return bt_obj(bt_str_format(t, "<function %S at %s>", f->qualname, addr));
}

static BtValue function_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtFunction *f = (BtFunction *)bt_as_obj(self);
    const char *n = name->data;
    if (name == BT_NAME(t, dunder_name))
        return bt_obj(f->name);
    if (name == BT_NAME(t, dunder_qualname))
        return bt_obj(f->qualname);
    if (name == BT_NAME(t, dunder_module))
        return f->module;
    if (name == BT_NAME(t, dunder_doc))
        return f->doc;
    if (strcmp(n, "__code__") == 0)
        return bt_obj(f->code);
    if (strcmp(n, "__globals__") == 0)
        return bt_obj(f->globals);
    if (strcmp(n, "__defaults__") == 0)
        return f->defaults ? bt_obj(f->defaults) : BT_NONE;
    if (strcmp(n, "__kwdefaults__") == 0)
        return f->kwdefaults ? bt_obj(f->kwdefaults) : BT_NONE;
    if (strcmp(n, "__closure__") == 0)
        return f->closure ? bt_obj(f->closure) : BT_NONE;
    if (name == BT_NAME(t, dunder_dict)) {
        if (!f->dict && !(f->dict = bt_dict_new(t)))
            return BT_UNDEF;
        return bt_obj(f->dict);
    }
    if (f->dict) {
        BtValue v = bt_dict_get_str(f->dict, name);
        if (!bt_is_undef(v))
            return v;
    }
    return bt_generic_getattr(t, self, name);
}

static bool function_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtFunction *f = (BtFunction *)bt_as_obj(self);
    if (strcmp(name->data, "__globals__") == 0 || strcmp(name->data, "__closure__") == 0) {
        bt_raise(t, BT_EXC(t, AttributeError), "readonly attribute");
        return false;
    }
    if (!bt_is_undef(v) && bt_is_str(t, v)) {
        if (name == BT_NAME(t, dunder_name)) {
            f->name = bt_as_str(v);
            return true;
        }
        if (name == BT_NAME(t, dunder_qualname)) {
            f->qualname = bt_as_str(v);
            return true;
        }
    }
    if (name == BT_NAME(t, dunder_doc)) {
        f->doc = bt_is_undef(v) ? BT_NONE : v;
        return true;
    }
    if (name == BT_NAME(t, dunder_module)) {
        f->module = bt_is_undef(v) ? BT_NONE : v;
        return true;
    }
    if (bt_is_undef(v)) {
        int r = f->dict ? bt_dict_del(t, f->dict, bt_obj(name)) : 0;
        if (r == 0)
            bt_raise(t, BT_EXC(t, AttributeError), "'function' object has no attribute '%S'",
                     name);
        return r > 0;
    }
    if (!f->dict && !(f->dict = bt_dict_new(t)))
        return false;
    return bt_dict_set_str(t, f->dict, name, v);
}

/* ---- native functions ---- */

BtNative *bt_native_new(BtThread *t, const char *name, BtNativeFn fn, BtValue self) {
    BtNative *n = bt_gc_alloc(t, BT_TYPE(t, native), sizeof(BtNative));
    if (!n)
        return NULL;
    n->name = name;
    n->fn = fn;
    n->self = self;
    n->module = BT_UNDEF;
    return n;
}

static void native_trace(BtGc *gc, BtObject *o) {
    BtNative *n = (BtNative *)o;
    bt_gc_mark(gc, n->self);
    bt_gc_mark_obj(gc, (BtObject *)n->owner);
    bt_gc_mark(gc, n->module);
}

static BtValue native_repr(BtThread *t, BtValue self) {
    BtNative *n = (BtNative *)bt_as_obj(self);
    if (n->owner)
        return bt_obj(bt_str_format(t, "<method '%s' of '%S' objects>", n->name, n->owner->name));
    return bt_obj(bt_str_format(t, "<built-in function %s>", n->name));
}

static BtValue native_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtNative *n = (BtNative *)bt_as_obj(self);
    if (name == BT_NAME(t, dunder_name) || name == BT_NAME(t, dunder_qualname))
        return bt_obj(bt_str_from_cstr(t, n->name));
    if (name == BT_NAME(t, dunder_module))
        return bt_is_undef(n->module) ? BT_NONE : n->module;
    if (name == BT_NAME(t, dunder_doc))
        return BT_NONE;
    if (strcmp(name->data, "__self__") == 0)
        return bt_is_undef(n->self) ? BT_NONE : n->self;
    return bt_generic_getattr(t, self, name);
}

/* ---- bound methods ---- */

BtValue bt_method_new(BtThread *t, BtValue func, BtValue self) {
    BtMethod *m = bt_gc_alloc(t, BT_TYPE(t, method), sizeof(BtMethod));
    if (!m)
        return BT_UNDEF;
    m->func = func;
    m->self = self;
    return bt_obj(m);
}

static void method_trace(BtGc *gc, BtObject *o) {
    BtMethod *m = (BtMethod *)o;
    bt_gc_mark(gc, m->func);
    bt_gc_mark(gc, m->self);
}

static BtValue method_repr(BtThread *t, BtValue self) {
    BtMethod *m = (BtMethod *)bt_as_obj(self);
    BtValue selfrepr = bt_repr(t, m->self);
    if (bt_is_undef(selfrepr))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &selfrepr);
    BtStr *s;
    if (bt_is_obj(m->func) && bt_as_obj(m->func)->type == BT_TYPE(t, native)) {
        BtNative *n = (BtNative *)bt_as_obj(m->func);
        char addr[32];
        format_addr(bt_as_obj(m->self), addr, sizeof addr);
        s = bt_str_format(t, "<built-in method %s of %s object at %s>", n->name,
                          bt_type_name(t, m->self), addr);
    } else {
        BtValue qn = bt_getattr_opt(t, m->func, BT_NAME(t, dunder_qualname));
        s = bt_is_str(t, qn) ? bt_str_format(t, "<bound method %S of %S>", bt_as_str(qn),
                                             bt_as_str(selfrepr))
                             : bt_str_format(t, "<bound method ? of %S>", bt_as_str(selfrepr));
    }
    BT_POP_ROOT(t, 1);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue method_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtMethod *m = (BtMethod *)bt_as_obj(self);
    if (strcmp(name->data, "__func__") == 0)
        return m->func;
    if (strcmp(name->data, "__self__") == 0)
        return m->self;
    if (name == BT_NAME(t, dunder_class))
        return bt_obj(BT_TYPE(t, method));
    return bt_getattr(t, m->func, name);
}

static BtValue method_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if ((op != BT_COMPARE_EQ && op != BT_COMPARE_NE) || !bt_is_obj(b) ||
        bt_as_obj(b)->type != BT_TYPE(t, method))
        return bt_obj(t->interp->not_implemented);
    BtMethod *x = (BtMethod *)bt_as_obj(a), *y = (BtMethod *)bt_as_obj(b);
    bool eq = bt_same(x->func, y->func) && bt_same(x->self, y->self);
    return bt_bool(op == BT_COMPARE_EQ ? eq : !eq);
}

static bool method_hash(BtThread *t, BtValue self, int64_t *out) {
    BtMethod *m = (BtMethod *)bt_as_obj(self);
    int64_t a, b;
    /* self by identity (as CPython 3.11), so [].append is hashable too. */
    bool self_ok = bt_is_obj(m->self) ? BT_TYPE(t, object)->hash(t, m->self, &b)
                                      : bt_hash(t, m->self, &b);
    if (!bt_hash(t, m->func, &a) || !self_ok)
        return false;
    *out = (int64_t)((uint64_t)a ^ ((uint64_t)b * 1000003u)); /* wraps, as a hash may */
    if (*out == -1)
        *out = -2;
    return true;
}

/* ---- cells ---- */

BtCell *bt_cell_new(BtThread *t, BtValue value) {
    BtCell *c = bt_gc_alloc(t, BT_TYPE(t, cell), sizeof(BtCell));
    if (c)
        c->value = value;
    return c;
}

static void cell_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark(gc, ((BtCell *)o)->value);
}

static BtValue cell_repr(BtThread *t, BtValue self) {
    BtCell *c = (BtCell *)bt_as_obj(self);
    char addr[32], vaddr[32];
    format_addr(c, addr, sizeof addr);
    if (bt_is_undef(c->value))
        return bt_obj(bt_str_format(t, "<cell at %s: empty>", addr));
    format_addr(bt_is_obj(c->value) ? (void *)bt_as_obj(c->value) : (void *)&c->value, vaddr,
                sizeof vaddr);
    return bt_obj(bt_str_format(t, "<cell at %s: %s object at %s>", addr,
                                bt_type_name(t, c->value), vaddr));
}

static BtValue cell_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtCell *c = (BtCell *)bt_as_obj(self);
    if (strcmp(name->data, "cell_contents") == 0) {
        if (bt_is_undef(c->value)) {
            bt_raise(t, BT_EXC(t, ValueError), "Cell is empty");
            return BT_UNDEF;
        }
        return c->value;
    }
    return bt_generic_getattr(t, self, name);
}

/* ---- descriptors: property, staticmethod, classmethod ----
 * What they do on attribute access is bt_descr_get in object.c; here are
 * their constructors, their own attributes and the methods Python can call. */

static void property_trace(BtGc *gc, BtObject *o) {
    BtProperty *p = (BtProperty *)o;
    bt_gc_mark(gc, p->fget);
    bt_gc_mark(gc, p->fset);
    bt_gc_mark(gc, p->fdel);
    bt_gc_mark(gc, p->doc);
    bt_gc_mark(gc, p->name);
}

static BtProperty *property_alloc(BtThread *t, BtType *type, BtValue fget, BtValue fset,
                                  BtValue fdel, BtValue doc) {
    BtProperty *p = bt_gc_alloc(t, type, type->instance_size ? type->instance_size
                                                              : sizeof(BtProperty));
    if (!p)
        return NULL;
    p->fget = fget;
    p->fset = fset;
    p->fdel = fdel;
    p->name = BT_NONE;
    /* Like CPython, a property without a doc takes its getter's. */
    if (bt_is_none(doc) && bt_is_obj(fget) && bt_as_obj(fget)->type == BT_TYPE(t, function))
        doc = ((BtFunction *)bt_as_obj(fget))->doc;
    p->doc = doc;
    return p;
}

static BtValue property_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    static const char *const params[] = {"|fget", "fset", "fdel", "doc", NULL};
    BtValue a[4];
    if (!bt_parse_args(t, "property", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    for (int i = 0; i < 4; i++)
        if (bt_is_undef(a[i]))
            a[i] = BT_NONE;
    BtProperty *p = property_alloc(t, type, a[0], a[1], a[2], a[3]);
    return p ? bt_obj(p) : BT_UNDEF;
}

/* getter/setter/deleter: a copy of the property with one accessor replaced. */
static BtValue property_copy_with(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames, const char *fname, int which) {
    if (!bt_check_args(t, fname, nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtProperty *old = (BtProperty *)bt_as_obj(self);
    BtValue acc[3] = {old->fget, old->fset, old->fdel};
    acc[which] = args[0];
    /* A doc taken from the old getter follows the new getter. */
    BtValue doc = which == 0 ? BT_NONE : old->doc;
    BtProperty *p = property_alloc(t, old->hdr.type, acc[0], acc[1], acc[2], doc);
    if (!p)
        return BT_UNDEF;
    p->name = old->name;
    return bt_obj(p);
}

static BtValue property_getter(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    return property_copy_with(t, self, args, nargs, kwnames, "getter", 0);
}

static BtValue property_setter(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    return property_copy_with(t, self, args, nargs, kwnames, "setter", 1);
}

static BtValue property_deleter(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    return property_copy_with(t, self, args, nargs, kwnames, "deleter", 2);
}

static BtValue property_get_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    if (!bt_check_args(t, "__get__", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue owner = nargs == 2 ? args[1] : BT_NONE;
    BtType *ot = bt_is_obj(owner) && bt_isinstance(t, owner, BT_TYPE(t, type))
                     ? (BtType *)bt_as_obj(owner)
                     : bt_type_of(t, args[0]);
    return bt_descr_get(t, self, bt_is_none(args[0]) ? BT_UNDEF : args[0], ot);
}

static BtValue property_set_name(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    if (!bt_check_args(t, "__set_name__", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    ((BtProperty *)bt_as_obj(self))->name = args[1];
    return BT_NONE;
}

static BtValue property_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtProperty *p = (BtProperty *)bt_as_obj(self);
    if (strcmp(name->data, "fget") == 0)
        return p->fget;
    if (strcmp(name->data, "fset") == 0)
        return p->fset;
    if (strcmp(name->data, "fdel") == 0)
        return p->fdel;
    if (name == BT_NAME(t, dunder_doc))
        return p->doc;
    return bt_generic_getattr(t, self, name);
}

static void func_wrapper_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark(gc, ((BtFuncWrapper *)o)->func);
    bt_gc_mark_obj(gc, (BtObject *)((BtFuncWrapper *)o)->dict);
}

static BtValue func_wrapper_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                      BtTuple *kwnames) {
    if (!bt_check_args(t, type->name->data, nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtFuncWrapper *w = bt_gc_alloc(t, type, type->instance_size);
    if (!w)
        return BT_UNDEF;
    w->func = args[0];
    return bt_obj(w);
}

BtValue bt_staticmethod_new(BtThread *t, BtValue func) {
    return func_wrapper_construct(t, BT_TYPE(t, staticmethod), &func, 1, NULL);
}

static bool init_descriptor_types(BtThread *t);

bool bt_type_add_static(BtThread *t, BtType *type, const char *name, BtNativeFn fn,
                        bool classmethod) {
    /* Built-in types are set up before this file's types: make the wrappers
     * ready first (bt_func_init_types running it again is harmless). */
    if (!BT_TYPE(t, staticmethod)->trace && !init_descriptor_types(t))
        return false;
    BtNative *n = bt_native_new(t, name, fn, BT_UNDEF);
    if (!n)
        return false;
    BtValue nv = bt_obj(n);
    BT_PUSH_ROOT(t, &nv);
    BtType *kind = classmethod ? BT_TYPE(t, classmethod) : BT_TYPE(t, staticmethod);
    BtValue w = func_wrapper_construct(t, kind, &nv, 1, NULL);
    BT_PUSH_ROOT(t, &w); /* interning the name can collect */
    BtStr *key = bt_is_undef(w) ? NULL : bt_str_intern_cstr(t, name);
    bool ok = key && bt_dict_set_str(t, type->dict, key, w);
    BT_POP_ROOT(t, 2);
    return ok;
}

static BtValue func_wrapper_repr(BtThread *t, BtValue self) {
    BtFuncWrapper *w = (BtFuncWrapper *)bt_as_obj(self);
    BtStr *s = bt_str_format(t, "<%s(%R)>", bt_as_obj(self)->type->name->data, w->func);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* __func__, and the wrapped function's __name__, __doc__... (CPython 3.10+). */
static BtValue func_wrapper_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtFuncWrapper *w = (BtFuncWrapper *)bt_as_obj(self);
    if (strcmp(name->data, "__func__") == 0 || strcmp(name->data, "__wrapped__") == 0)
        return w->func;
    if (name == BT_NAME(t, dunder_dict)) {
        if (!w->dict && !(w->dict = bt_dict_new(t)))
            return BT_UNDEF;
        return bt_obj(w->dict);
    }
    if (w->dict) {
        BtValue v = bt_dict_get_str(w->dict, name);
        if (!bt_is_undef(v))
            return v;
    }
    if (name == BT_NAME(t, dunder_name) || name == BT_NAME(t, dunder_qualname) ||
        name == BT_NAME(t, dunder_doc) || name == BT_NAME(t, dunder_module))
        return bt_getattr(t, w->func, name);
    return bt_generic_getattr(t, self, name);
}

static bool func_wrapper_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtFuncWrapper *w = (BtFuncWrapper *)bt_as_obj(self);
    if (!w->dict && !(w->dict = bt_dict_new(t)))
        return false;
    if (bt_is_undef(v)) {
        int r = bt_dict_del(t, w->dict, bt_obj(name));
        if (r == 0)
            bt_raise(t, BT_EXC(t, AttributeError), "'%s' object has no attribute '%S'",
                     bt_as_obj(self)->type->name->data, name);
        return r > 0;
    }
    return bt_dict_set_str(t, w->dict, name, v);
}

bool bt_type_add_getter(BtThread *t, BtType *type, const char *name, BtNativeFn fn) {
    if (!BT_TYPE(t, property)->trace && !init_descriptor_types(t))
        return false;
    BtNative *n = bt_native_new(t, name, fn, BT_UNDEF);
    if (!n)
        return false;
    BtValue nv = bt_obj(n);
    BT_PUSH_ROOT(t, &nv);
    BtProperty *p = property_alloc(t, BT_TYPE(t, property), nv, BT_NONE, BT_NONE, BT_NONE);
    BtStr *key = p ? bt_str_intern_cstr(t, name) : NULL;
    bool ok = key && bt_dict_set_str(t, type->dict, key, bt_obj(p));
    BT_POP_ROOT(t, 1);
    return ok;
}

/* staticmethod objects are callable since 3.10. */
static BtValue staticmethod_call(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    return bt_call(t, ((BtFuncWrapper *)bt_as_obj(self))->func, args, nargs, kwnames);
}

static BtValue func_wrapper_get_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                       BtTuple *kwnames) {
    if (!bt_check_args(t, "__get__", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue owner = nargs == 2 ? args[1] : BT_NONE;
    BtType *ot = bt_is_obj(owner) && bt_isinstance(t, owner, BT_TYPE(t, type))
                     ? (BtType *)bt_as_obj(owner)
                     : bt_type_of(t, args[0]);
    return bt_descr_get(t, self, bt_is_none(args[0]) ? BT_UNDEF : args[0], ot);
}

/* function.__get__(obj, owner=None): the method bound to obj, or the
 * function itself for None (what reading it from a class gives). */
static BtValue function_get_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    if (!bt_check_args(t, "__get__", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    if (bt_is_none(args[0]))
        return self;
    return bt_method_new(t, self, args[0]);
}

/* CPython's AttributeError for a property without that function. */
static BtValue property_missing(BtThread *t, BtProperty *p, BtValue obj, const char *which) {
    if (bt_is_str(t, p->name))
        bt_raise(t, BT_EXC(t, AttributeError), "property %R of '%s' object has no %s", p->name,
                 bt_type_name(t, obj), which);
    else
        bt_raise(t, BT_EXC(t, AttributeError), "property of '%s' object has no %s",
                 bt_type_name(t, obj), which);
    return BT_UNDEF;
}

/* property.__set__(obj, value) / __delete__(obj): the setter and deleter,
 * as an assignment through an instance runs them. */
static BtValue property_set_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    if (!bt_check_args(t, "__set__", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    BtProperty *p = (BtProperty *)bt_as_obj(self);
    if (bt_is_none(p->fset))
        return property_missing(t, p, args[0], "setter");
    return bt_is_undef(bt_call(t, p->fset, args, 2, NULL)) ? BT_UNDEF : BT_NONE;
}

static BtValue property_delete_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                      BtTuple *kwnames) {
    if (!bt_check_args(t, "__delete__", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtProperty *p = (BtProperty *)bt_as_obj(self);
    if (bt_is_none(p->fdel))
        return property_missing(t, p, args[0], "deleter");
    return bt_is_undef(bt_call(t, p->fdel, args, 1, NULL)) ? BT_UNDEF : BT_NONE;
}

static void member_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtMember *)o)->name);
    bt_gc_mark_obj(gc, (BtObject *)((BtMember *)o)->owner);
}

static BtValue member_repr(BtThread *t, BtValue self) {
    BtMember *m = (BtMember *)bt_as_obj(self);
    BtStr *s = bt_str_format(t, "<member '%S' of '%S' objects>", m->name, m->owner->name);
    return s ? bt_obj(s) : BT_UNDEF;
}

static bool init_descriptor_types(BtThread *t) {
    static const BtNativeDef property_methods[] = {
        {"getter", property_getter},   {"setter", property_setter},
        {"deleter", property_deleter}, {"__get__", property_get_method},
        {"__set_name__", property_set_name}, {"__set__", property_set_method},
        {"__delete__", property_delete_method}, {NULL, NULL},
    };
    static const BtNativeDef wrapper_methods[] = {{"__get__", func_wrapper_get_method},
                                                  {NULL, NULL}};
    BtType *prop = BT_TYPE(t, property);
    prop->instance_size = sizeof(BtProperty);
    prop->flags |= BT_TYPE_BASETYPE;
    prop->trace = property_trace;
    prop->construct = property_construct;
    prop->getattr = property_getattr;
    BtType *wrappers[2] = {BT_TYPE(t, staticmethod), BT_TYPE(t, classmethod)};
    for (int i = 0; i < 2; i++) {
        BtType *w = wrappers[i];
        w->instance_size = sizeof(BtFuncWrapper);
        w->flags |= BT_TYPE_BASETYPE;
        w->trace = func_wrapper_trace;
        w->construct = func_wrapper_construct;
        w->repr = func_wrapper_repr;
        w->getattr = func_wrapper_getattr;
        w->setattr = func_wrapper_setattr;
        if (!bt_type_add_methods(t, w, wrapper_methods))
            return false;
    }
    BT_TYPE(t, staticmethod)->call = staticmethod_call;
    BtType *member = BT_TYPE(t, member);
    member->instance_size = sizeof(BtMember);
    member->trace = member_trace;
    member->repr = member_repr;
    return bt_type_add_methods(t, prop, property_methods);
}

/* ---- modules ---- */

BtModule *bt_module_new(BtThread *t, BtStr *name) {
    BtValue keep = bt_obj(name);
    BT_PUSH_ROOT(t, &keep);
    BtModule *m = bt_gc_alloc(t, BT_TYPE(t, module), sizeof(BtModule));
    BtValue mv = m ? bt_obj(m) : BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    bool ok = m != NULL;
    if (ok) {
        m->name = name;
        m->dict = bt_dict_new(t);
        ok = m->dict && bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_name), bt_obj(name)) &&
             bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_doc), BT_NONE);
    }
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}

static void module_trace(BtGc *gc, BtObject *o) {
    BtModule *m = (BtModule *)o;
    bt_gc_mark_obj(gc, (BtObject *)m->name);
    bt_gc_mark_obj(gc, (BtObject *)m->dict);
}

static BtValue module_repr(BtThread *t, BtValue self) {
    BtModule *m = (BtModule *)bt_as_obj(self);
    BtValue file = bt_dict_get_str(m->dict, BT_NAME(t, dunder_file));
    if (bt_is_str(t, file))
        return bt_obj(bt_str_format(t, "<module '%S' from '%S'>", m->name, bt_as_str(file)));
    if (bt_is_none(file)) /* a namespace package (CPython 3.11 shows its loader) */
        return bt_obj(bt_str_format(t, "<module '%S' (namespace)>", m->name));
    return bt_obj(bt_str_format(t, "<module '%S' (built-in)>", m->name));
}

static BtValue module_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtModule *m = (BtModule *)bt_as_obj(self);
    BtValue v = bt_dict_get_str(m->dict, name);
    if (!bt_is_undef(v))
        return v;
    if (name == BT_NAME(t, dunder_dict))
        return bt_obj(m->dict);
    if (name == BT_NAME(t, dunder_class))
        return bt_obj(BT_TYPE(t, module));
    bt_raise(t, BT_EXC(t, AttributeError), "module '%S' has no attribute '%S'", m->name, name);
    bt_exc_hint_attribute(t, self, name);
    return BT_UNDEF;
}

static bool module_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtModule *m = (BtModule *)bt_as_obj(self);
    if (bt_is_undef(v)) {
        int r = bt_dict_del(t, m->dict, bt_obj(name));
        if (r == 0)
            bt_raise(t, BT_EXC(t, AttributeError), "module '%S' has no attribute '%S'", m->name,
                     name);
        return r > 0;
    }
    return bt_dict_set_str(t, m->dict, name, v);
}

/* ---- tables of natives ---- */

/* Put one native per def into dict, each set up by the caller's choice of
 * owner (methods bind self) or module (functions). */
static bool add_natives(BtThread *t, BtDict *dict, const BtNativeDef *defs, BtType *owner,
                        BtValue module) {
    for (const BtNativeDef *d = defs; d->name; d++) {
        BtNative *n = bt_native_new(t, d->name, d->fn, BT_UNDEF);
        if (!n)
            return false;
        BtValue keep = bt_obj(n);
        BT_PUSH_ROOT(t, &keep);
        n->owner = owner;
        n->flags = owner ? BT_NATIVE_METHOD : 0;
        n->module = module;
        BtStr *name = bt_str_intern_cstr(t, d->name);
        bool ok = name && bt_dict_set_str(t, dict, name, keep);
        BT_POP_ROOT(t, 1);
        if (!ok)
            return false;
    }
    return true;
}

bool bt_type_add_methods(BtThread *t, BtType *type, const BtNativeDef *defs) {
    return add_natives(t, type->dict, defs, type, BT_UNDEF);
}

bool bt_module_set(BtThread *t, BtModule *m, const char *name, BtValue v) {
    BT_PUSH_ROOT(t, &v);
    BtStr *key = bt_str_intern_cstr(t, name);
    bool ok = key && bt_dict_set_str(t, m->dict, key, v);
    BT_POP_ROOT(t, 1);
    return ok;
}

bool bt_module_add_functions(BtThread *t, BtModule *m, const BtNativeDef *defs) {
    return add_natives(t, m->dict, defs, NULL, bt_obj(m->name));
}

bool bt_func_init_types(BtThread *t) {
    if (!init_descriptor_types(t))
        return false;
    /* Functions, builtins, classes, modules and descriptors hash by identity,
     * like object (whose type is set up first). */
    BtType *by_identity[] = {BT_TYPE(t, function), BT_TYPE(t, native), BT_TYPE(t, type),
                             BT_TYPE(t, module), BT_TYPE(t, property),
                             BT_TYPE(t, staticmethod), BT_TYPE(t, classmethod)};
    for (size_t i = 0; i < sizeof by_identity / sizeof by_identity[0]; i++)
        by_identity[i]->hash = BT_TYPE(t, object)->hash;
    BtType *code = BT_TYPE(t, code);
    code->instance_size = sizeof(BtCode);
    code->trace = code_trace;
    code->finalize = code_finalize;
    code->repr = code_repr;
    code->getattr = code_getattr;

    BtType *fn = BT_TYPE(t, function);
    fn->instance_size = sizeof(BtFunction);
    fn->trace = function_trace;
    fn->repr = function_repr;
    fn->getattr = function_getattr;
    fn->setattr = function_setattr;
    fn->construct = function_construct;
    static const BtNativeDef function_methods[] = {{"__get__", function_get_method},
                                                   {NULL, NULL}};
    if (!bt_type_add_methods(t, fn, function_methods))
        return false;

    BtType *nat = BT_TYPE(t, native);
    nat->instance_size = sizeof(BtNative);
    nat->trace = native_trace;
    nat->repr = native_repr;
    nat->getattr = native_getattr;

    BtType *meth = BT_TYPE(t, method);
    meth->instance_size = sizeof(BtMethod);
    meth->trace = method_trace;
    meth->repr = method_repr;
    meth->getattr = method_getattr;
    meth->compare = method_compare;
    meth->hash = method_hash;

    BtType *cell = BT_TYPE(t, cell);
    cell->instance_size = sizeof(BtCell);
    cell->trace = cell_trace;
    cell->repr = cell_repr;
    cell->getattr = cell_getattr;

    BtType *mod = BT_TYPE(t, module);
    mod->instance_size = sizeof(BtModule);
    mod->trace = module_trace;
    mod->repr = module_repr;
    mod->getattr = module_getattr;
    mod->setattr = module_setattr;
    return true;
}
