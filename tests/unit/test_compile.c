/* test_compile.c: the symbol table, the compiler and the disassembler (vm/symtable.c,
 * vm/compile.c, vm/dis.c, vm/opcodes.c) through their C API.
 *
 * Scope classification for every kind of scope, compile-time errors with
 * CPython's wording and positions, stack depths, the shape of handler tables,
 * invariants of every code object made from the golden scripts (jumps in range,
 * only JUMP_BACKWARD goes back, handlers inside the code), and dis output.
 * Every test also passes with BATON_GC_STRESS=1.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "vm/compile.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/num.h"
#include "vm/gc.h"
#include "vm/interp.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/symtable.h"

#include "vm_fixture.h"

TestSuite(symtable, .init = setup, .fini = teardown);
TestSuite(compile, .init = setup, .fini = teardown);
TestSuite(dis, .init = setup, .fini = teardown);
TestSuite(opcodes);

/* ---- helpers ---------------------------------------------------------------------------------- */

static BtArena *arena;

static BtAstModule *parse(const char *src) {
    BtSyntaxError err;
    memset(&err, 0, sizeof err);
    if (!arena)
        arena = bt_arena_new();
    BtAstModule *mod = bt_parse(arena, src, strlen(src), BT_PARSE_FILE, &err);
    cr_assert_not_null(mod, "parse failed: %s (line %d)", err.message, err.line);
    return mod;
}

static void drop_arena(void) {
    bt_arena_free(arena);
    arena = NULL;
}

static BtSymtable *symtable_of(const char *src) {
    BtSyntaxError err;
    bool oom;
    BtSymtable *st = bt_symtable_build(NULL, parse(src), false, &err, &oom);
    cr_assert_not_null(st, "symtable failed: %s", err.message);
    return st;
}

/* The scope opened by the n-th def/class/lambda/comprehension in source order (depth first). */
static BtScope *nth_scope(BtScope *s, int *n) {
    if ((*n)-- == 0)
        return s;
    for (int i = 0; i < s->nchildren; i++) {
        BtScope *r = nth_scope(s->children[i], n);
        if (r)
            return r;
    }
    return NULL;
}

static BtScope *scope_at(BtSymtable *st, int n) {
    BtScope *s = nth_scope(bt_symtable_top(st), &n);
    cr_assert_not_null(s);
    return s;
}

static const char *take_error(void) {
    static char buf[512];
    cr_assert(bt_has_exc(t), "expected an exception");
    BtValue e = bt_take_exc(t);
    BT_PUSH_ROOT(t, &e);
    BtValue s = bt_str(t, e);
    cr_assert(!bt_is_undef(s));
    snprintf(buf, sizeof buf, "%s: %s", bt_type_name(t, e), bt_as_str(s)->data);
    BT_POP_ROOT(t, 1);
    return buf;
}

/* Compile src as a module; the code object is rooted in *holder. */
static BtCode *compile_src(const char *src, BtValue *holder) {
    BtStr *fn = bt_str_from_cstr(t, "test.py");
    cr_assert_not_null(fn);
    *holder = bt_obj(fn);
    BT_PUSH_ROOT(t, holder);
    BtCode *code = bt_compile_source(t, src, strlen(src), fn, BT_COMPILE_FILE);
    BT_POP_ROOT(t, 1);
    cr_assert_not_null(code, "compile failed: %s", take_error());
    *holder = bt_obj(code);
    return code;
}

/* The n-th nested code object (depth first, in constant order). */
static BtCode *nth_code(BtCode *code, int *n) {
    if ((*n)-- == 0)
        return code;
    for (size_t i = 0; i < code->consts->len; i++) {
        BtValue v = code->consts->items[i];
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, code)) {
            BtCode *r = nth_code((BtCode *)bt_as_obj(v), n);
            if (r)
                return r;
        }
    }
    return NULL;
}

static BtCode *code_at(BtCode *top, int n) {
    BtCode *c = nth_code(top, &n);
    cr_assert_not_null(c);
    return c;
}

static char *dis_text(BtCode *code, bool recursive) {
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    bt_dis_code(t, code, f, recursive);
    fclose(f);
    return buf;
}

/* ---- symbol tables ----------------------------------------------------------------------------- */

Test(symtable, module_names_are_locals_and_uses_are_implicit_globals) {
    BtSymtable *st = symtable_of("x = 1\nprint(x, y)\nimport os.path\n");
    BtScope *top = bt_symtable_top(st);
    cr_assert_eq(top->kind, BT_SCOPE_MODULE);
    cr_assert_eq(bt_scope_resolve(top, "x"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(top, "print"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert_eq(bt_scope_resolve(top, "y"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert_eq(bt_scope_resolve(top, "os"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(top, "path"), BT_SYM_UNKNOWN);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, match_captures_bind_like_assignments) {
    BtSymtable *st = symtable_of("def f(v):\n    global g\n    match v:\n"
                                 "        case [g, *rest] | {'k': g, **rest} if C.x:\n"
                                 "            pass\n        case P(a=_):\n            pass\n");
    BtScope *f = scope_at(st, 1);
    cr_assert_eq(bt_scope_resolve(f, "g"), BT_SYM_GLOBAL_EXPLICIT);
    cr_assert_eq(bt_scope_resolve(f, "rest"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(f, "C"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert_eq(bt_scope_resolve(f, "P"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert_eq(bt_scope_resolve(f, "a"), BT_SYM_UNKNOWN);
    cr_assert_eq(bt_scope_resolve(f, "_"), BT_SYM_UNKNOWN);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, function_params_locals_globals) {
    BtSymtable *st = symtable_of("g = 0\n"
                                 "def f(a, b=1, *args, c, d=2, **kw):\n"
                                 "    global g\n"
                                 "    e = a + b\n"
                                 "    g = len(args)\n");
    BtScope *f = scope_at(st, 1);
    cr_assert_eq(f->kind, BT_SCOPE_FUNCTION);
    cr_assert_str_eq(f->name, "f");
    cr_assert_eq(f->argcount, 2);
    cr_assert_eq(f->kwonlyargcount, 2);
    cr_assert(f->varargs && f->varkw);
    cr_assert_eq(f->nparams, 6);
    const char *order[] = {"a", "b", "c", "d", "args", "kw"};
    for (int i = 0; i < 6; i++)
        cr_assert_str_eq(f->params[i], order[i]);
    cr_assert_eq(bt_scope_resolve(f, "a"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(f, "e"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(f, "g"), BT_SYM_GLOBAL_EXPLICIT);
    cr_assert_eq(bt_scope_resolve(f, "len"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert(!f->generator);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, cells_and_frees_through_several_levels) {
    /* v of f is used by a lambda inside a genexpr inside g inside f */
    BtSymtable *st = symtable_of("def f():\n"
                                 "    v = 1\n"
                                 "    def g():\n"
                                 "        return list((lambda: v + i) for i in range(2))\n"
                                 "    return g\n");
    BtScope *f = scope_at(st, 1), *g = scope_at(st, 2), *gen = scope_at(st, 3);
    BtScope *lam = scope_at(st, 4);
    cr_assert_eq(gen->kind, BT_SCOPE_GENEXPR);
    cr_assert_eq(lam->kind, BT_SCOPE_LAMBDA);
    cr_assert_eq(bt_scope_resolve(f, "v"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(g, "v"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(gen, "v"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(gen, "i"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(lam, "v"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(lam, "i"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(g, "range"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert(gen->generator);
    cr_assert(!g->generator, "a genexpr does not make its enclosing function a generator");
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, class_body_is_invisible_to_methods) {
    BtSymtable *st = symtable_of("def outer():\n"
                                 "    x = 1\n"
                                 "    class C:\n"
                                 "        x = 2\n"
                                 "        y = x\n"
                                 "        def m(self):\n"
                                 "            return x\n"
                                 "    return C\n");
    BtScope *outer = scope_at(st, 1), *c = scope_at(st, 2), *m = scope_at(st, 3);
    cr_assert_eq(c->kind, BT_SCOPE_CLASS);
    cr_assert_eq(bt_scope_resolve(outer, "x"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(c, "x"), BT_SYM_LOCAL);
    const BtSymbol *sym = bt_scope_symbol(c, "x");
    cr_assert(sym->flags & BT_DEF_FREE_CLASS, "the class passes the outer x through");
    cr_assert_eq(bt_scope_resolve(m, "x"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(c, "y"), BT_SYM_LOCAL);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, class_reading_enclosing_function_variable_is_free) {
    BtSymtable *st = symtable_of("def f():\n"
                                 "    a = 1\n"
                                 "    class C:\n"
                                 "        b = a\n");
    cr_assert_eq(bt_scope_resolve(scope_at(st, 1), "a"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(scope_at(st, 2), "a"), BT_SYM_FREE);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, super_gives_the_class_a_class_cell) {
    BtSymtable *st = symtable_of("class A:\n"
                                 "    def f(self):\n"
                                 "        return super().f()\n"
                                 "class B:\n"
                                 "    def g(self):\n"
                                 "        return 1\n");
    BtScope *a = scope_at(st, 1), *f = scope_at(st, 2), *b = scope_at(st, 3);
    cr_assert(a->needs_class_closure);
    cr_assert(!b->needs_class_closure);
    cr_assert_eq(bt_scope_resolve(f, "__class__"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(f, "super"), BT_SYM_GLOBAL_IMPLICIT);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, comprehension_has_its_own_scope) {
    BtSymtable *st = symtable_of("def f(xs):\n"
                                 "    return [x * k for x in xs if x], {k: v for k, v in xs}\n");
    BtScope *f = scope_at(st, 1), *lc = scope_at(st, 2), *dc = scope_at(st, 3);
    cr_assert_eq(lc->kind, BT_SCOPE_LISTCOMP);
    cr_assert_eq(dc->kind, BT_SCOPE_DICTCOMP);
    cr_assert_eq(lc->nparams, 1);
    cr_assert_str_eq(lc->params[0], ".0");
    cr_assert_eq(bt_scope_resolve(lc, "x"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(f, "x"), BT_SYM_UNKNOWN);
    /* the first iterable is evaluated in the enclosing scope */
    cr_assert_eq(bt_scope_resolve(f, "xs"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(lc, "xs"), BT_SYM_UNKNOWN);
    cr_assert_eq(bt_scope_resolve(lc, "k"), BT_SYM_GLOBAL_IMPLICIT);
    cr_assert_eq(bt_scope_resolve(dc, "k"), BT_SYM_LOCAL);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, walrus_in_comprehension_binds_in_function) {
    BtSymtable *st = symtable_of("def f():\n"
                                 "    [(last := i) for i in range(3)]\n"
                                 "    return last\n"
                                 "[(top := j) for j in range(2)]\n");
    BtScope *top = bt_symtable_top(st), *f = scope_at(st, 1), *lc = scope_at(st, 2);
    BtScope *lc2 = scope_at(st, 3);
    cr_assert_eq(bt_scope_resolve(f, "last"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(lc, "last"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(lc2, "top"), BT_SYM_GLOBAL_EXPLICIT);
    cr_assert_eq(bt_scope_resolve(top, "top"), BT_SYM_GLOBAL_EXPLICIT);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, nonlocal_and_generators) {
    BtSymtable *st = symtable_of("def f():\n"
                                 "    n = 0\n"
                                 "    def g():\n"
                                 "        nonlocal n\n"
                                 "        n += 1\n"
                                 "        x = yield n\n"
                                 "    h = lambda: (yield)\n"
                                 "    return g\n");
    BtScope *f = scope_at(st, 1), *g = scope_at(st, 2), *h = scope_at(st, 3);
    cr_assert_eq(bt_scope_resolve(f, "n"), BT_SYM_CELL);
    cr_assert_eq(bt_scope_resolve(g, "n"), BT_SYM_FREE);
    cr_assert_eq(bt_scope_resolve(g, "x"), BT_SYM_LOCAL);
    cr_assert(g->generator);
    cr_assert(h->generator, "a lambda containing yield is a generator");
    cr_assert(!f->generator);
    bt_symtable_free(st);
    drop_arena();
}

Test(symtable, private_names_are_mangled_in_classes) {
    BtSymtable *st = symtable_of("class C:\n"
                                 "    __x = 1\n"
                                 "    __y__ = 2\n"
                                 "    def m(self, __p):\n"
                                 "        return __p\n");
    BtScope *c = scope_at(st, 1), *m = scope_at(st, 2);
    cr_assert_eq(bt_scope_resolve(c, "_C__x"), BT_SYM_LOCAL);
    cr_assert_eq(bt_scope_resolve(c, "__y__"), BT_SYM_LOCAL);
    cr_assert_str_eq(m->params[1], "_C__p");
    cr_assert_str_eq(bt_symtable_mangle(st, "__Cls", "__a"), "_Cls__a");
    cr_assert_str_eq(bt_symtable_mangle(st, "___", "__a"), "__a");
    cr_assert_str_eq(bt_symtable_mangle(st, "C", "__a.b"), "__a.b");
    bt_symtable_free(st);
    drop_arena();
}

/* ---- compile-time errors ---------------------------------------------------------------------- */

typedef struct {
    const char *src, *msg;
    int line, col, end_line, end_col; /* as CPython 3.11 reports them (1-based offsets) */
} ErrCase;

/* Each checked against `python3 -c "compile(src, 'x', 'exec')"`. */
static const ErrCase err_cases[] = {
    {"nonlocal x\n", "nonlocal declaration not allowed at module level", 1, 1, 1, 11},
    {"def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15},
    {"class C:\n    nonlocal x\n", "no binding for nonlocal 'x' found", 2, 5, 2, 15},
    {"def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal", 2, 5, 2, 15},
    {"def f(x):\n    global x\n", "name 'x' is parameter and global", 2, 5, 2, 13},
    {"def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration",
     3, 5, 3, 13},
    {"def f():\n    x = 1\n    global x\n",
     "name 'x' is assigned to before global declaration", 3, 5, 3, 13},
    {"def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
     "name 'x' is assigned to before nonlocal declaration", 5, 9, 5, 19},
    {"def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
     "name 'x' is used prior to nonlocal declaration", 5, 9, 5, 19},
    {"def f():\n    global x\n    nonlocal x\n", "name 'x' is nonlocal and global", 2, 5, 2, 13},
    {"def f(x, x): pass\n", "duplicate argument 'x' in function definition", 1, 10, 1, 11},
    {"lambda x, x: 1\n", "duplicate argument 'x' in function definition", 1, 11, 1, 12},
    {"def f(*, a, a): pass\n", "duplicate argument 'a' in function definition", 1, 13, 1, 14},
    {"x = (yield)\n", "'yield' outside function", 1, 6, 1, 11},
    {"def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension", 2, 7, 2,
     14},
    {"def f():\n    ((yield x) for x in y)\n", "'yield' inside generator expression", 2, 7, 2,
     14},
    {"def f():\n    {x: (yield x) for x in y}\n", "'yield' inside dict comprehension", 2, 10,
     2, 17},
    {"class C:\n    [(y := x) for x in z]\n",
     "assignment expression within a comprehension cannot be used in a class body", 2, 7, 2, 8},
    {"[(x := 1) for x in z]\n",
     "assignment expression cannot rebind comprehension iteration variable 'x'", 1, 3, 1, 4},
    {"def f():\n  [i for i in (j := [1])]\n",
     "assignment expression cannot be used in a comprehension iterable expression", 2, 16, 2,
     24},
    {"x: int = 1\ndef f():\n    global y\n    y: int\n", "annotated name 'y' can't be global",
     4, 5, 4, 11},
    {"f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8, 1, 11},
};

Test(compile, errors_have_cpython_wording_and_positions) {
    for (size_t i = 0; i < sizeof err_cases / sizeof *err_cases; i++) {
        const ErrCase *ec = &err_cases[i];
        BtSyntaxError err;
        memset(&err, 0, sizeof err);
        BtArena *a = bt_arena_new();
        BtAstModule *mod = bt_parse(a, ec->src, strlen(ec->src), BT_PARSE_FILE, &err);
        if (mod) {
            BtStr *fn = bt_str_from_cstr(t, "x");
            BtValue fv = bt_obj(fn);
            BT_PUSH_ROOT(t, &fv);
            BtCode *code = bt_compile(t, mod, fn, BT_COMPILE_FILE, &err);
            BT_POP_ROOT(t, 1);
            cr_assert_null(code, "%s: compiled", ec->src);
            cr_assert(!bt_has_exc(t), "%s: raised instead of a syntax error record", ec->src);
        }
        cr_assert_str_eq(err.message, ec->msg, "%s", ec->src);
        cr_assert_eq(err.line, ec->line, "%s: line %d", ec->src, err.line);
        cr_assert_eq(err.col, ec->col, "%s: col %d", ec->src, err.col);
        cr_assert_eq(err.end_line, ec->end_line, "%s: end line %d", ec->src, err.end_line);
        cr_assert_eq(err.end_col, ec->end_col, "%s: end col %d", ec->src, err.end_col);
        bt_arena_free(a);
    }
}

Test(compile, compile_source_raises_syntax_error_with_cpython_args) {
    const char *src = "x = 1\ndef f():\n    nonlocal q\n";
    BtStr *fn = bt_str_from_cstr(t, "m.py");
    BtValue fv = bt_obj(fn);
    BT_PUSH_ROOT(t, &fv);
    BtCode *code = bt_compile_source(t, src, strlen(src), fn, BT_COMPILE_FILE);
    BT_POP_ROOT(t, 1);
    cr_assert_null(code);
    cr_assert(bt_has_exc(t));
    BtValue e = bt_take_exc(t);
    BT_PUSH_ROOT(t, &e);
    cr_assert(bt_isinstance(t, e, BT_EXC(t, SyntaxError)));
    BtValue r = bt_repr(t, bt_obj(((BtException *)bt_as_obj(e))->args));
    cr_assert(!bt_is_undef(r));
    cr_assert_str_eq(bt_as_str(r)->data,
                     "(\"no binding for nonlocal 'q' found\", ('m.py', 3, 5, "
                     "'    nonlocal q\\n', 3, 15))");
    BT_POP_ROOT(t, 1);
}

Test(compile, big_int_literal_is_a_big_int_constant) {
    const char *src = "x = 123456789012345678901234567890\n";
    BtStr *fn = bt_str_from_cstr(t, "m.py");
    BtValue fv = bt_obj(fn);
    BT_PUSH_ROOT(t, &fv);
    BtCode *code = bt_compile_source(t, src, strlen(src), fn, BT_COMPILE_FILE);
    BT_POP_ROOT(t, 1);
    cr_assert_not_null(code);
    bool found = false;
    for (size_t i = 0; i < code->consts->len; i++) {
        BtValue k = code->consts->items[i];
        if (!bt_is_bigint(k))
            continue;
        BtValue r = bt_repr(t, k);
        cr_assert_str_eq(bt_as_str(r)->data, "123456789012345678901234567890");
        found = true;
    }
    cr_assert(found, "no big int among the constants");
}

/* ---- code objects ---------------------------------------------------------------------------- */

Test(compile, function_code_object_fields) {
    BtValue h;
    BtCode *top = compile_src("def outer(a, b=2, *args, k, **kw):\n"
                              "    \"doc\"\n"
                              "    c = a\n"
                              "    def inner():\n"
                              "        return a + c\n"
                              "    return inner\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    BtCode *outer = code_at(top, 1), *inner = code_at(top, 2);
    cr_assert_str_eq(outer->name->data, "outer");
    cr_assert_str_eq(inner->qualname->data, "outer.<locals>.inner");
    cr_assert_eq(outer->argcount, 2);
    cr_assert_eq(outer->kwonlyargcount, 1);
    cr_assert_eq(outer->flags, BT_CODE_VARARGS | BT_CODE_VARKEYWORDS);
    /* parameters first (positional, kw-only, *args, **kwargs), then locals */
    cr_assert_eq(outer->nlocals, 6);
    const char *vars[] = {"a", "b", "k", "args", "kw", "inner"};
    for (int i = 0; i < 6; i++)
        cr_assert_str_eq(bt_as_str(outer->varnames->items[i])->data, vars[i]);
    cr_assert_eq(outer->ncells, 2);
    cr_assert_str_eq(bt_as_str(outer->cellvars->items[0])->data, "a");
    cr_assert_str_eq(bt_as_str(outer->cellvars->items[1])->data, "c");
    cr_assert_eq(inner->nfrees, 2);
    cr_assert_str_eq(bt_as_str(outer->consts->items[0])->data, "doc");
    /* prologue: the cells, the parameter a moved into its cell, RESUME 0 */
    cr_assert_eq(BT_INSTR_OP(outer->instrs[0]), BT_OP_MAKE_CELL);
    cr_assert_eq(BT_INSTR_ARG(outer->instrs[0]), 6u);
    cr_assert_eq(BT_INSTR_OP(outer->instrs[2]), BT_OP_LOAD_FAST);
    cr_assert_eq(BT_INSTR_ARG(outer->instrs[2]), 0u);
    cr_assert_eq(BT_INSTR_OP(outer->instrs[3]), BT_OP_STORE_DEREF);
    cr_assert_eq(BT_INSTR_ARG(outer->instrs[3]), 6u);
    cr_assert_eq(BT_INSTR_OP(outer->instrs[4]), BT_OP_RESUME);
    cr_assert_eq(top->flags, BT_CODE_MODULE);
    BT_POP_ROOT(t, 1);
}

Test(compile, generator_and_class_flags) {
    BtValue h;
    BtCode *top = compile_src("def g():\n    yield 1\n"
                              "class C:\n    def m(self): return super()\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    BtCode *g = code_at(top, 1), *c = code_at(top, 2), *m = code_at(top, 3);
    cr_assert(g->flags & BT_CODE_GENERATOR);
    cr_assert_eq(c->flags, BT_CODE_CLASS | BT_CODE_MODULE);
    cr_assert_eq(c->ncells, 1);
    cr_assert_str_eq(bt_as_str(c->cellvars->items[0])->data, "__class__");
    cr_assert_eq(m->nfrees, 1);
    cr_assert_str_eq(m->qualname->data, "C.m");
    /* the class body ends by returning its __class__ cell, stored as __classcell__ */
    uint32_t n = c->ninstrs;
    cr_assert_eq(BT_INSTR_OP(c->instrs[n - 1]), BT_OP_RETURN_VALUE);
    cr_assert_eq(BT_INSTR_OP(c->instrs[n - 2]), BT_OP_STORE_NAME);
    cr_assert_eq(BT_INSTR_OP(c->instrs[n - 3]), BT_OP_COPY);
    cr_assert_eq(BT_INSTR_OP(c->instrs[n - 4]), BT_OP_LOAD_CLOSURE);
    BT_POP_ROOT(t, 1);
}

Test(compile, async_flags_and_await) {
    BtValue h;
    BtCode *top = compile_src("async def c(x):\n    return await x\n"
                              "async def a():\n    yield 1\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    BtCode *c = code_at(top, 1), *a = code_at(top, 2);
    cr_assert_eq(c->flags & (BT_CODE_GENERATOR | BT_CODE_COROUTINE | BT_CODE_ASYNC_GENERATOR),
                 BT_CODE_GENERATOR | BT_CODE_COROUTINE);
    cr_assert_eq(a->flags & (BT_CODE_GENERATOR | BT_CODE_COROUTINE | BT_CODE_ASYNC_GENERATOR),
                 BT_CODE_GENERATOR | BT_CODE_ASYNC_GENERATOR);
    /* await x: GET_AWAITABLE 0, then yield from's loop with RESUME 3 */
    static const int want[] = {BT_OP_RESUME,      BT_OP_LOAD_FAST, BT_OP_GET_AWAITABLE,
                               BT_OP_LOAD_CONST,  BT_OP_SEND,      BT_OP_YIELD_VALUE,
                               BT_OP_RESUME,      BT_OP_JUMP_BACKWARD, BT_OP_RETURN_VALUE};
    cr_assert_eq(c->ninstrs, sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < c->ninstrs; i++)
        cr_assert_eq(BT_INSTR_OP(c->instrs[i]), (uint32_t)want[i], "instruction %u", i);
    cr_assert_eq(BT_INSTR_ARG(c->instrs[6]), 3u);
    char *text = dis_text(c, false);
    cr_assert(strstr(text, "GET_AWAITABLE            0"), "%s", text);
    free(text);
    BT_POP_ROOT(t, 1);
}

Test(compile, stack_depth_of_small_functions) {
    static const struct {
        const char *src;
        int depth;
    } cases[] = {
        {"def f():\n    pass\n", 1},
        {"def f(a, b):\n    return a + b\n", 2},
        {"def f(a, b, c):\n    return a + (b * (c - 1))\n", 4},
        {"def f(x):\n    return g(x, 1, 2)\n", 5},
        {"def f(x):\n    for i in x:\n        pass\n", 2},
        {"def f(x):\n    try:\n        pass\n    except E:\n        pass\n", 3},
        {"def f(x):\n    with x as y:\n        return y\n", 5},
        {"def f(x):\n    return [i for i in x]\n", 2},
        /* match: the same depths as CPython 3.11's co_stacksize */
        {"def f(x):\n    match x:\n        case [a, b]:\n            return a\n", 3},
        {"def f(x):\n    match x:\n        case {'k': v, **r} | [v, r]:\n            return v\n"
         "        case P(a, b=c):\n            return a\n",
         6},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        BtValue h;
        BtCode *top = compile_src(cases[i].src, &h);
        BT_PUSH_ROOT(t, &h);
        BtCode *f = code_at(top, 1);
        cr_assert_eq(f->stacksize, cases[i].depth, "%s: stacksize %d", cases[i].src,
                     f->stacksize);
        BT_POP_ROOT(t, 1);
    }
}

Test(compile, try_except_handler_table) {
    BtValue h;
    BtCode *top = compile_src("def f():\n"
                              "    try:\n"
                              "        g()\n"
                              "    except E as e:\n"
                              "        h(e)\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    BtCode *f = code_at(top, 1);
    /* body -> except; matching -> cleanup; named body -> name cleanup -> cleanup */
    cr_assert_eq(f->nhandlers, 4);
    const BtHandler *hs = f->handlers;
    cr_assert_eq(hs[0].depth, 0u);
    cr_assert_eq(BT_INSTR_OP(f->instrs[hs[0].target]), BT_OP_PUSH_EXC_INFO);
    cr_assert_eq(hs[1].start, hs[0].target);
    cr_assert_eq(hs[1].depth, 1u);
    uint32_t cleanup = hs[1].target;
    cr_assert_eq(BT_INSTR_OP(f->instrs[cleanup]), BT_OP_SWAP);
    cr_assert_eq(BT_INSTR_OP(f->instrs[cleanup + 1]), BT_OP_POP_EXCEPT);
    cr_assert_eq(BT_INSTR_OP(f->instrs[cleanup + 2]), BT_OP_RERAISE);
    cr_assert_eq(hs[2].depth, 1u);
    cr_assert_eq(hs[3].target, cleanup);
    for (uint32_t i = 0; i + 1 < f->nhandlers; i++)
        cr_assert(hs[i].end <= hs[i + 1].start, "handler ranges never overlap");
    BT_POP_ROOT(t, 1);
}

Test(compile, with_handler_keeps_exit_on_the_stack) {
    BtValue h;
    BtCode *top = compile_src("def f(m):\n    with m:\n        pass\n", &h);
    BT_PUSH_ROOT(t, &h);
    BtCode *f = code_at(top, 1);
    cr_assert_geq(f->nhandlers, 2);
    cr_assert_eq(f->handlers[0].depth, 1u);
    uint32_t target = f->handlers[0].target;
    cr_assert_eq(BT_INSTR_OP(f->instrs[target]), BT_OP_PUSH_EXC_INFO);
    cr_assert_eq(BT_INSTR_OP(f->instrs[target + 1]), BT_OP_WITH_EXCEPT_START);
    cr_assert_eq(BT_INSTR_OP(f->instrs[target + 2]), BT_OP_POP_JUMP_IF_TRUE);
    BT_POP_ROOT(t, 1);
}

/* Structural invariants of one code object and its children. */
static void check_code(BtCode *code, const char *where) {
    cr_assert_gt(code->ninstrs, 0u, "%s", where);
    cr_assert_geq(code->stacksize, 0, "%s", where);
    bool saw_resume = false;
    for (uint32_t i = 0; i < code->ninstrs; i++) {
        int op = (int)BT_INSTR_OP(code->instrs[i]);
        uint32_t arg = BT_INSTR_ARG(code->instrs[i]);
        cr_assert_lt(op, BT_OPCODE__COUNT, "%s: bad opcode at %u", where, i);
        if (op == BT_OP_RESUME && arg == 0)
            saw_resume = true;
        if (!saw_resume)
            cr_assert(op == BT_OP_MAKE_CELL || op == BT_OP_LOAD_FAST || op == BT_OP_STORE_DEREF ||
                          op == BT_OP_RESUME,
                      "%s: %s before RESUME", where, bt_op_name(op));
        if (bt_op_is_jump(op)) {
            uint32_t target = bt_op_jump_target(op, arg);
            cr_assert_lt(target, code->ninstrs, "%s: jump out of range at %u", where, i);
            if (target <= i)
                cr_assert(bt_op_may_jump_back(op), "%s: %s goes backward at %u", where,
                          bt_op_name(op), i);
            else
                cr_assert_neq(op, BT_OP_JUMP_BACKWARD, "%s: JUMP_BACKWARD forward at %u", where,
                              i);
        }
        switch (bt_op_arg_kind(op)) {
        case BT_ARG_CONST:
            cr_assert_lt(arg, code->consts->len, "%s", where);
            break;
        case BT_ARG_NAME:
            cr_assert_lt(arg, code->names->len, "%s", where);
            break;
        case BT_ARG_GLOBAL:
            cr_assert_lt(arg >> 1, code->names->len, "%s", where);
            break;
        case BT_ARG_LOCAL:
            cr_assert_lt(arg, (uint32_t)code->nlocals, "%s", where);
            break;
        case BT_ARG_LOCAL_LOCAL:
            cr_assert_lt(arg >> BT_ARG_PAIR_BITS, (uint32_t)code->nlocals, "%s", where);
            cr_assert_lt(arg & ((1u << BT_ARG_PAIR_BITS) - 1), (uint32_t)code->nlocals, "%s",
                         where);
            break;
        case BT_ARG_LOCAL_CONST:
            cr_assert_lt(arg >> BT_ARG_PAIR_BITS, (uint32_t)code->nlocals, "%s", where);
            cr_assert_lt(arg & ((1u << BT_ARG_PAIR_BITS) - 1), code->consts->len, "%s", where);
            break;
        case BT_ARG_BINOP_LOCAL:
            cr_assert_lt(arg >> BT_ARG_BINOP_BITS, (uint32_t)code->nlocals, "%s", where);
            cr_assert_lt(arg & ((1u << BT_ARG_BINOP_BITS) - 1), 2u * BT_BINOP__COUNT, "%s",
                         where);
            break;
        case BT_ARG_DEREF:
            cr_assert_lt(arg, (uint32_t)(code->nlocals + code->ncells + code->nfrees), "%s",
                         where);
            cr_assert_geq(arg, (uint32_t)code->nlocals, "%s", where);
            break;
        default:
            break;
        }
    }
    cr_assert(saw_resume, "%s: no RESUME 0", where);
    int last = (int)BT_INSTR_OP(code->instrs[code->ninstrs - 1]);
    cr_assert(last == BT_OP_RETURN_VALUE || last == BT_OP_RERAISE || last == BT_OP_JUMP_BACKWARD ||
                  last == BT_OP_RAISE_VARARGS || last == BT_OP_JUMP_FORWARD,
              "%s: falls off the end with %s", where, bt_op_name(last));
    for (uint32_t i = 0; i < code->nhandlers; i++) {
        const BtHandler *h = &code->handlers[i];
        cr_assert_lt(h->start, h->end, "%s", where);
        cr_assert_leq(h->end, code->ninstrs, "%s", where);
        cr_assert_lt(h->target, code->ninstrs, "%s", where);
        cr_assert_lt((int)h->depth, code->stacksize, "%s", where);
        if (i > 0)
            cr_assert_leq(code->handlers[i - 1].end, h->start, "%s: overlapping handlers", where);
    }
    for (uint32_t i = 1; i < code->nlines; i++)
        cr_assert_gt(code->lines[i].start, code->lines[i - 1].start, "%s", where);
    for (size_t i = 0; i < code->consts->len; i++) {
        BtValue v = code->consts->items[i];
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, code))
            check_code((BtCode *)bt_as_obj(v), where);
    }
}

static void check_dir(const char *dir, int *count) {
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        size_t n = strlen(ent->d_name);
        if (n > 3 && strcmp(ent->d_name + n - 3, ".py") == 0) {
            FILE *f = fopen(path, "rb");
            if (!f)
                continue;
            static char src[1 << 18];
            size_t len = fread(src, 1, sizeof src - 1, f);
            fclose(f);
            src[len] = 0;
            BtStr *fn = bt_str_from_cstr(t, path);
            BtValue h = bt_obj(fn);
            BT_PUSH_ROOT(t, &h);
            BtCode *code = bt_compile_source(t, src, len, fn, BT_COMPILE_FILE);
            if (code) {
                h = bt_obj(code);
                check_code(code, path);
                char *text = dis_text(code, true);
                free(text);
                (*count)++;
            } else {
                /* scripts about syntax errors are meant to fail */
                BtValue e = bt_take_exc(t);
                cr_assert(bt_isinstance(t, e, BT_EXC(t, SyntaxError)) ||
                              bt_isinstance(t, e, BT_EXC(t, OverflowError)),
                          "%s: %s", path, bt_type_name(t, e));
            }
            BT_POP_ROOT(t, 1);
        } else if (!strchr(ent->d_name, '.')) {
            check_dir(path, count);
        }
    }
    closedir(d);
}

Test(compile, every_golden_script_compiles_to_well_formed_code) {
    int count = 0;
    check_dir(BT_SOURCE_ROOT "/tests/scripts", &count);
    check_dir(BT_SOURCE_ROOT "/samples", &count);
    cr_assert_gt(count, 100, "only %d scripts compiled", count);
}

Test(compile, interactive_and_eval_modes) {
    BtStr *fn = bt_str_from_cstr(t, "<stdin>");
    BtValue h = bt_obj(fn);
    BT_PUSH_ROOT(t, &h);
    BtCode *code = bt_compile_source(t, "1 + 2\n", 6, fn, BT_COMPILE_INTERACTIVE);
    cr_assert_not_null(code);
    bool printed = false;
    for (uint32_t i = 0; i < code->ninstrs; i++)
        printed |= BT_INSTR_OP(code->instrs[i]) == BT_OP_PRINT_EXPR;
    cr_assert(printed);
    code = bt_compile_source(t, "x * 2", 5, fn, BT_COMPILE_EVAL);
    cr_assert_not_null(code);
    cr_assert_eq(BT_INSTR_OP(code->instrs[code->ninstrs - 1]), BT_OP_RETURN_VALUE);
    cr_assert_eq(BT_INSTR_OP(code->instrs[code->ninstrs - 2]), BT_OP_BINARY_OP);
    BT_POP_ROOT(t, 1);
}

/* ---- dis ----------------------------------------------------------------------------------------- */

Test(dis, small_function_in_cpython_layout) {
    BtValue h;
    BtCode *top = compile_src("def f(a, b):\n"
                              "    if a < b:\n"
                              "        return a.x\n"
                              "    return g(b, k=1)\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    char *text = dis_text(code_at(top, 1), false);
    cr_assert_str_eq(text, "  1           0 RESUME                   0\n"
                           "\n"
                           "  2           1 LOAD_FAST_LOAD_FAST      1 (a, b)\n"
                           "              2 COMPARE_JUMP_IF_FALSE    48 (<, to 6)\n"
                           "\n"
                           "  3           3 LOAD_FAST                0 (a)\n"
                           "              4 LOAD_ATTR                0 (x)\n"
                           "              5 RETURN_VALUE\n"
                           "\n"
                           "  4     >>    6 LOAD_GLOBAL              3 (NULL + g)\n"
                           "              7 LOAD_FAST_LOAD_CONST  4097 (b, 1)\n"
                           "              8 KW_NAMES                 2 (('k',))\n"
                           "              9 CALL                     2\n"
                           "             10 RETURN_VALUE\n");
    free(text);
    BT_POP_ROOT(t, 1);
}

Test(dis, superinstructions_never_swallow_a_jump_target_or_a_new_line) {
    BtValue h;
    /* `LOAD_FAST b` + `LOAD_FAST d` would fuse, but the conditional
     * expression's other arm jumps to `LOAD_FAST d`. */
    BtCode *top = compile_src("def f(a, b, c, d):\n"
                              "    return (a if c else b) + d\n"
                              "def g(a, b):\n"
                              "    x = a\n"
                              "    return b\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    char *text = dis_text(code_at(top, 1), false);
    cr_assert(strstr(text, "LOAD_FAST_LOAD_FAST") == NULL, "%s", text);
    cr_assert(strstr(text, ">>    6 LOAD_FAST                3 (d)\n"), "%s", text);
    free(text);
    text = dis_text(code_at(top, 2), false);
    cr_assert(strstr(text, "  4           1 LOAD_FAST                0 (a)\n"
                           "              2 STORE_FAST               2 (x)\n"
                           "\n"
                           "  5           3 LOAD_FAST                1 (b)\n"),
              "%s", text);
    free(text);
    BT_POP_ROOT(t, 1);
}

Test(dis, only_reads_that_may_find_a_local_unbound_are_checked) {
    BtValue h;
    BtCode *top = compile_src("def f(a, c):\n"
                              "    b = a\n"
                              "    if c:\n"
                              "        d = b\n"
                              "    return a, b, d\n",
                              &h);
    BT_PUSH_ROOT(t, &h);
    char *text = dis_text(code_at(top, 1), false);
    cr_assert(strstr(text, "LOAD_FAST_LOAD_FAST      2 (a, b)\n"), "%s", text);
    cr_assert(strstr(text, "LOAD_FAST_CHECK          3 (d)\n"), "%s", text);
    cr_assert(strstr(text, "LOAD_FAST_CHECK          0") == NULL, "%s", text);
    free(text);
    BT_POP_ROOT(t, 1);
}

Test(dis, exception_table_and_nested_code) {
    BtValue h;
    BtCode *top = compile_src("try:\n    x = [i for i in y]\nexcept:\n    x = None\n", &h);
    BT_PUSH_ROOT(t, &h);
    char *text = dis_text(top, true);
    cr_assert(strstr(text, "ExceptionTable:\n  1 to 6 -> 8 [0]\n"), "%s", text);
    cr_assert(strstr(text, "\nDisassembly of <code object <listcomp> at 0x"), "%s", text);
    cr_assert(strstr(text, ", file \"test.py\", line 2>:\n"), "%s", text);
    cr_assert(strstr(text, "LIST_APPEND              2\n"), "%s", text);
    cr_assert(strstr(text, "BINARY_OP               13 (+=)") == NULL);
    free(text);
    BT_POP_ROOT(t, 1);
}

Test(dis, format_instr_is_shared_with_the_tracer) {
    BtValue h;
    BtCode *top = compile_src("x += 1\n", &h);
    BT_PUSH_ROOT(t, &h);
    char buf[64];
    int n = bt_dis_format_instr(t, top, 3, buf, sizeof buf);
    cr_assert_str_eq(buf, "BINARY_OP               13 (+=)");
    cr_assert_eq(n, (int)strlen(buf));
    char tiny[8];
    n = bt_dis_format_instr(t, top, 3, tiny, sizeof tiny);
    cr_assert_str_eq(tiny, "BINARY_");
    cr_assert_eq(n, (int)strlen(buf));
    BT_POP_ROOT(t, 1);
}

/* ---- opcodes ----------------------------------------------------------------------------------- */

Test(opcodes, tables_come_from_the_one_list) {
    cr_assert_str_eq(bt_op_name(BT_OP_LOAD_FAST), "LOAD_FAST");
    cr_assert_str_eq(bt_op_name(BT_OP_SETUP_ANNOTATIONS), "SETUP_ANNOTATIONS");
    cr_assert_eq(bt_op_arg_kind(BT_OP_LOAD_GLOBAL), BT_ARG_GLOBAL);
    cr_assert(bt_op_is_jump(BT_OP_FOR_ITER));
    cr_assert(!bt_op_is_jump(BT_OP_CALL));
    cr_assert_eq(bt_op_stack_effect(BT_OP_CALL, 3, 0), -4);
    cr_assert_eq(bt_op_stack_effect(BT_OP_LOAD_GLOBAL, 5, 0), 2);
    cr_assert_eq(bt_op_stack_effect(BT_OP_FOR_ITER, 0, 1), -1);
    cr_assert_eq(bt_op_stack_effect(BT_OP_MAKE_FUNCTION, 11, 0), -3);
    cr_assert_eq(bt_op_stack_effect(BT_OP_UNPACK_EX, 2 | (3 << 8), 0), 5);
    cr_assert_str_eq(bt_op_name(-1), "<invalid>");
}
