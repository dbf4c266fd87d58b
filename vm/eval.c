/* eval.c: the eval loop (vm stage; see vm/README.md and eval.h).
 *
 * Design notes.
 * - One loop runs every frame of a thread. A Python-to-Python call pushes a
 *   frame on the thread's value stack and continues in the same C call; a
 *   return pops it. Generators resumed by FOR_ITER or SEND are linked onto
 *   the frame chain and continue in the same C call too. C code re-enters
 *   the loop only through bt_call (a builtin calling a Python function) or
 *   bt_gen_resume (next(g) from C): each run knows the frame it was entered
 *   with, and a return or yield from that frame leaves this C call.
 * - ip and sp live in C locals (the slots are found from f); SAVE_FRAME() writes ip and
 *   sp back before anything that needs them from the frame (a new frame, a
 *   yield, the hook, an exception). The GC does not need them: it marks a
 *   frame's whole slot area (see gc.c).
 * - Errors: a failing handler jumps to `error`, which adds a traceback entry
 *   for this frame and unwinds through the code object's handler table.
 * - The eval breaker (one atomic word) is checked on backward jumps, calls
 *   and RESUME only.
 * - Tracing: with computed goto the loop dispatches through a table pointer;
 *   when a hook is installed it points at a table whose entries all report
 *   the instruction first, so tracing costs nothing while it is off. The
 *   table is chosen when a run of the loop starts (install a hook before
 *   running code); call/return events test the table, not t->hook, so the
 *   untraced loop loads nothing extra (fib(25): +0.6% instructions).
 */
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/gil.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/gc_internal.h"
#include "vm/gen_internal.h"
#include "vm/hook.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/match.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/strformat.h"
#include "vm/type_internal.h"

#ifndef BT_COMPUTED_GOTO
#define BT_COMPUTED_GOTO 0
#endif

_Static_assert(sizeof(BtFrame) % sizeof(BtValue) == 0, "slots follow a frame header");


/* ---- frames ---- */

static uint32_t frame_nslots(const BtCode *c) {
    return (uint32_t)(c->nlocals + c->ncells + c->nfrees + c->stacksize);
}

/* Push a frame for code on t's value stack and link it in. The variable
 * slots from `first_clear` on are cleared (the caller fills the ones below
 * at once); the operand stack is not: what popped frames left there is
 * values still alive or cleared by the collector (see gc.c), never a
 * header, since pop_frame wipes those. NULL with RecursionError raised. */
static inline BtFrame *push_frame(BtThread *t, BtCode *code, BtDict *globals,
                                  uint32_t first_clear) {
    if (t->py_depth >= t->interp->recursion_limit) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return NULL;
    }
    uint32_t nslots = frame_nslots(code);
    BtFrame *f = (BtFrame *)t->stack_top;
    BtValue *slots = bt_frame_slots(f);
    if (slots + nslots > t->stack_end) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return NULL;
    }
    uint32_t nvars = (uint32_t)(code->nlocals + code->ncells + code->nfrees);
    for (uint32_t i = first_clear; i < nvars; i++) /* a handful: cheaper than memset */
        bt_clear_slot(&slots[i]);
    f->back = t->frame;
    f->code = code;
    f->globals = globals;
    f->sp = slots + nvars;
    f->ip = code->instrs;
    t->stack_top = slots + nslots;
    if (t->stack_top > t->stack_dirty)
        t->stack_dirty = t->stack_top;
    t->frame = f;
    t->py_depth++;
    return f;
}

/* Unlink f; a call's frame leaves the value stack, its header wiped: a later
 * frame's operand stack may cover it, and the collector would read its words
 * (pointers into the stack and the code) as objects. */
static inline void pop_frame(BtThread *t, BtFrame *f) {
    t->frame = f->back;
    t->py_depth--;
    if (!bt_frame_gen(f)) {
        t->stack_top = (BtValue *)f;
        memset(f, 0, sizeof *f); /* a fixed size: a few stores, no call */
    }
}

/* "'a', 'b' and 'c'" lists for missing-argument messages. */
static BtStr *name_list(BtThread *t, BtValue *names, int n) {
    BtStr *acc = bt_str_from_cstr(t, "");
    for (int i = 0; acc && i < n; i++) {
        const char *sep = i == 0 ? "" : (i == n - 1 ? (n > 2 ? ", and " : " and ") : ", ");
        acc = bt_str_format(t, "%S%s'%S'", acc, sep, bt_as_str(names[i]));
    }
    return acc;
}

/* The index of name among the strs names[from, to) (parameter names,
 * keyword names), or -1. */
static int param_index(const BtTuple *names, int from, int to, BtStr *name) {
    for (int j = from; j < to; j++) {
        BtStr *pn = bt_as_str(names->items[j]);
        if (pn == name || bt_str_equal(pn, name))
            return j;
    }
    return -1;
}

/* CPython's TypeError when keywords name positional-only parameters (all
 * of them listed); false if none does (nothing raised). */
static bool posonly_passed_as_keyword(BtThread *t, BtFunction *func, BtTuple *kwnames) {
    const BtCode *code = func->code;
    BtValue list = BT_UNDEF; /* "a, b" */
    BT_PUSH_ROOT(t, &list);
    for (int j = 0; j < code->posonlyargcount; j++) { /* in parameter order */
        BtStr *name = bt_as_str(code->varnames->items[j]);
        if (param_index(kwnames, 0, (int)kwnames->len, name) < 0)
            continue;
        BtStr *joined =
            bt_is_undef(list) ? name : bt_str_format(t, "%S, %S", bt_as_str(list), name);
        if (!joined) {
            BT_POP_ROOT(t, 1);
            return true; /* MemoryError raised */
        }
        list = bt_obj(joined);
    }
    if (!bt_is_undef(list))
        bt_raise(t, BT_EXC(t, TypeError),
                 "%S() got some positional-only arguments passed as keyword arguments: '%S'",
                 func->qualname, bt_as_str(list));
    BT_POP_ROOT(t, 1);
    return !bt_is_undef(list);
}

/* Bind call arguments (nargs positional, then one value per kwnames entry)
 * to the parameters of func's code, into slots (already reachable by the
 * GC). CPython's TypeError texts on mismatch, naming the function by its
 * __qualname__ (which code such as dataclasses sets). */
static bool bind_args_slow(BtThread *t, BtFunction *func, BtValue *slots, BtValue *args,
                           int nargs, BtTuple *kwnames) {
    BtCode *code = func->code;
    int nkw = kwnames ? (int)kwnames->len : 0;
    int npos = nargs; /* keyword values follow at args[nargs..] */
    int argcount = code->argcount, kwonly = code->kwonlyargcount;
    bool has_varargs = code->flags & BT_CODE_VARARGS;
    bool has_varkw = code->flags & BT_CODE_VARKEYWORDS;
    int varargs_slot = argcount + kwonly;
    int varkw_slot = varargs_slot + (has_varargs ? 1 : 0);
    BtTuple *names = code->varnames;

    int ncopy = npos < argcount ? npos : argcount;
    if (ncopy > 0)
        memcpy(slots, args, (size_t)ncopy * sizeof(BtValue));
    if (has_varargs) {
        BtTuple *rest = npos > argcount
                            ? bt_tuple_from(t, args + argcount, (size_t)(npos - argcount))
                            : t->interp->empty_tuple;
        if (!rest)
            return false;
        slots[varargs_slot] = bt_obj(rest);
    } else if (npos > argcount) {
        int ndef = func->defaults ? (int)func->defaults->len : 0;
        int kwgiven = 0;
        for (int k = 0; k < nkw; k++)
            if (param_index(names, argcount, argcount + kwonly, bt_as_str(kwnames->items[k])) >= 0)
                kwgiven++;
        char takes[64];
        if (ndef > 0)
            snprintf(takes, sizeof takes, "from %d to %d positional arguments", argcount - ndef,
                     argcount);
        else
            snprintf(takes, sizeof takes, "%d positional argument%s", argcount,
                     argcount == 1 ? "" : "s");
        if (kwgiven)
            bt_raise(t, BT_EXC(t, TypeError),
                     "%S() takes %s but %d positional argument%s (and %d keyword-only argument%s) "
                     "were given",
                     func->qualname, takes, npos, npos == 1 ? "" : "s", kwgiven,
                     kwgiven == 1 ? "" : "s");
        else
            bt_raise(t, BT_EXC(t, TypeError), "%S() takes %s but %d %s given", func->qualname,
                     takes, npos, npos == 1 ? "was" : "were");
        return false;
    }
    if (has_varkw) {
        BtDict *d = bt_dict_new(t);
        if (!d)
            return false;
        slots[varkw_slot] = bt_obj(d);
    }
    for (int k = 0; k < nkw; k++) {
        BtStr *kw = bt_as_str(kwnames->items[k]);
        int found = param_index(names, code->posonlyargcount, argcount + kwonly, kw);
        if (found < 0) {
            if (has_varkw) { /* a positional-only name too: it is just another keyword */
                if (!bt_dict_set(t, bt_as_dict(slots[varkw_slot]), bt_obj(kw), args[npos + k]))
                    return false;
                continue;
            }
            if (!posonly_passed_as_keyword(t, func, kwnames))
                bt_raise(t, BT_EXC(t, TypeError), "%S() got an unexpected keyword argument '%S'",
                         func->qualname, kw);
            return false;
        }
        if (!bt_is_undef(slots[found])) {
            bt_raise(t, BT_EXC(t, TypeError), "%S() got multiple values for argument '%S'",
                     func->qualname, kw);
            return false;
        }
        slots[found] = args[npos + k];
    }
    /* Defaults fill the last positional parameters; report what is still missing. */
    int ndef = func->defaults ? (int)func->defaults->len : 0;
    BtValue missing[64];
    int nmissing = 0;
    for (int j = npos; j < argcount; j++) {
        if (!bt_is_undef(slots[j]))
            continue;
        int d = j - (argcount - ndef);
        if (d >= 0)
            slots[j] = func->defaults->items[d];
        else if (nmissing < 64)
            missing[nmissing++] = names->items[j];
    }
    if (nmissing) {
        BtStr *list = name_list(t, missing, nmissing);
        if (list)
            bt_raise(t, BT_EXC(t, TypeError), "%S() missing %d required positional argument%s: %S",
                     func->qualname, nmissing, nmissing == 1 ? "" : "s", list);
        return false;
    }
    for (int j = argcount; j < argcount + kwonly; j++) {
        if (!bt_is_undef(slots[j]))
            continue;
        BtValue d = func->kwdefaults ? bt_dict_get_str(func->kwdefaults, bt_as_str(names->items[j]))
                                     : BT_UNDEF;
        if (!bt_is_undef(d))
            slots[j] = d;
        else if (nmissing < 64)
            missing[nmissing++] = names->items[j];
    }
    if (nmissing) {
        BtStr *list = name_list(t, missing, nmissing);
        if (list)
            bt_raise(t, BT_EXC(t, TypeError), "%S() missing %d required keyword-only argument%s: %S",
                     func->qualname, nmissing, nmissing == 1 ? "" : "s", list);
        return false;
    }
    return true;
}

/* Do the arguments of a call match code's parameters one to one (no
 * keywords, defaults, *args or **kwargs)? Then binding is a copy. */
static inline bool args_match_exactly(const BtCode *code, int nargs, const BtTuple *kwnames) {
    return !kwnames && nargs == code->argcount && code->kwonlyargcount == 0 &&
           !(code->flags & (BT_CODE_VARARGS | BT_CODE_VARKEYWORDS));
}

/* bind_args_slow's contract; slots must be cleared. */
static inline bool bind_args(BtThread *t, BtFunction *func, BtValue *slots, BtValue *args,
                             int nargs, BtTuple *kwnames) {
    if (args_match_exactly(func->code, nargs, kwnames)) {
        for (int i = 0; i < nargs; i++)
            slots[i] = args[i];
        return true;
    }
    return bind_args_slow(t, func, slots, args, nargs, kwnames);
}

/* Copy the closure's cells into the free-variable slots. */
static void copy_free_vars(BtFunction *func, BtValue *slots) {
    BtCode *c = func->code;
    if (c->nfrees && func->closure)
        memcpy(slots + c->nlocals + c->ncells, func->closure->items,
               (size_t)c->nfrees * sizeof(BtValue));
}

/* A call of a generator function: the generator, arguments bound, not started. */
static BtValue make_generator(BtThread *t, BtFunction *func, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    BtGen *gen = bt_gen_new(t, func);
    if (!gen)
        return BT_UNDEF;
    BtValue g = bt_obj(gen);
    BT_PUSH_ROOT(t, &g);
    bool ok = bind_args(t, func, gen->slots, args, nargs, kwnames);
    BT_POP_ROOT(t, 1);
    if (!ok)
        return BT_UNDEF;
    copy_free_vars(func, gen->slots);
    return g;
}

static BtValue run(BtThread *t, BtFrame *entry);
static BtValue run_body(BtThread *t, BtCode *code, BtDict *globals, BtDict *ns,
                        BtFunction *func, BtValue *args, int nargs, BtTuple *kwnames);

BtValue bt_eval_call_function(BtThread *t, BtFunction *func, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    if (func->code->flags & BT_CODE_GENERATOR)
        return make_generator(t, func, args, nargs, kwnames);
    if (func->code->flags & BT_CODE_MODULE) /* FunctionType(module code): names in globals */
        return run_body(t, func->code, func->globals, func->globals, func, args, nargs, kwnames);
    BtFrame *f = push_frame(t, func->code, func->globals, 0);
    if (!f)
        return BT_UNDEF;
    if (!bind_args(t, func, bt_frame_slots(f), args, nargs, kwnames)) {
        pop_frame(t, f);
        return BT_UNDEF;
    }
    copy_free_vars(func, bt_frame_slots(f));
    return run(t, f);
}

/* Run a module or class body: its namespace dict sits in the value just
 * below its frame header (bt_frame_locals_dict), so function frames, and
 * with them generators, carry no field for it. */
static BtValue run_body(BtThread *t, BtCode *code, BtDict *globals, BtDict *ns,
                        BtFunction *func, BtValue *args, int nargs, BtTuple *kwnames) {
    BtValue *under = t->stack_top;
    if (under + 1 > t->stack_end) {
        bt_raise(t, BT_EXC(t, RecursionError), "maximum recursion depth exceeded");
        return BT_UNDEF;
    }
    *under = bt_obj(ns);
    t->stack_top = under + 1;
    BtFrame *f = push_frame(t, code, globals, 0);
    BtValue r = BT_UNDEF;
    if (f && func && !bind_args(t, func, bt_frame_slots(f), args, nargs, kwnames)) {
        pop_frame(t, f); /* a body takes no arguments: CPython's TypeError */
    } else if (f) {
        if (func)
            copy_free_vars(func, bt_frame_slots(f));
        r = run(t, f);
    }
    t->stack_top = under;
    return r;
}

BtValue bt_eval_class_body(BtThread *t, BtFunction *func, BtDict *ns) {
    return run_body(t, func->code, func->globals, ns, func, NULL, 0, NULL);
}

BtValue bt_eval_module_code(BtThread *t, BtCode *code, BtDict *globals) {
    return run_body(t, code, globals, globals, NULL, NULL, 0, NULL);
}

BtValue bt_eval_frame(BtThread *t, BtFrame *frame) {
    return run(t, frame);
}

/* ---- slow paths, kept out of the loop body ---- */

static BtValue load_global(BtThread *t, BtDict *globals, BtStr *name) {
    BtValue v = bt_dict_get_str(globals, name);
    if (bt_is_undef(v))
        v = bt_dict_get_str(t->interp->builtins, name);
    if (bt_is_undef(v)) {
        bt_raise(t, BT_EXC(t, NameError), "name '%S' is not defined", name);
        bt_exc_hint_name(t, name, t->frame ? t->frame->code : NULL, globals);
    }
    return v;
}

static BtValue load_name(BtThread *t, BtFrame *f, BtStr *name) {
    BtDict *ns = bt_frame_locals_dict(f);
    if (ns && ns != f->globals) {
        BtValue v = bt_dict_get_str(ns, name);
        if (!bt_is_undef(v))
            return v;
    }
    return load_global(t, f->globals, name);
}

static void raise_unbound_local(BtThread *t, BtCode *code, uint32_t i) {
    BtStr *name;
    if (i < (uint32_t)code->nlocals)
        name = bt_as_str(code->varnames->items[i]);
    else if (i < (uint32_t)(code->nlocals + code->ncells))
        name = bt_as_str(code->cellvars->items[i - code->nlocals]);
    else {
        name = bt_as_str(code->freevars->items[i - code->nlocals - code->ncells]);
        bt_raise(t, BT_EXC(t, NameError),
                 "cannot access free variable '%S' where it is not associated with a value in "
                 "enclosing scope",
                 name);
        return;
    }
    bt_raise(t, BT_EXC(t, UnboundLocalError),
             "cannot access local variable '%S' where it is not associated with a value", name);
}

/* obj.name looked up for a call: (method, self) when it is a plain method of
 * the class, so no bound-method object is made; else (NULL, attribute). */
static bool load_method(BtThread *t, BtValue obj, BtStr *name, BtValue *meth, BtValue *self) {
    BtType *ty = bt_type_of(t, obj);
    if (!ty->getattr || ty->getattr == bt_generic_getattr || (ty->flags & BT_TYPE_METHODS_FIRST)) {
        BtValue attr = bt_type_lookup(ty, name);
        if (bt_is_obj(attr)) {
            BtType *at = bt_as_obj(attr)->type;
            bool is_method = at == BT_TYPE(t, function) ||
                             (at == BT_TYPE(t, native) &&
                              (((BtNative *)bt_as_obj(attr))->flags & BT_NATIVE_METHOD));
            if (is_method) {
                bool shadowed = false;
                if (bt_is_obj(obj) && (ty->layout == BT_LAYOUT_INSTANCE ||
                                       ty->layout == BT_LAYOUT_EXCEPTION)) {
                    BtDict *d = ((BtInstance *)bt_as_obj(obj))->dict;
                    shadowed = d && !bt_is_undef(bt_dict_get_str(d, name));
                }
                if (!shadowed) {
                    *meth = attr;
                    *self = obj;
                    return true;
                }
            }
        }
    }
    BtValue v = bt_getattr(t, obj, name);
    if (bt_is_undef(v))
        return false;
    *meth = BT_UNDEF;
    *self = v;
    return true;
}

/* v as int64 when it is an int (not a bool) that fits 64 bits: inline, or a
 * big int of one limb. */
static inline bool int64_of(BtValue v, int64_t *out) {
    if (bt_is_int(v)) {
        *out = bt_as_i64(v);
        return true;
    }
    return bt_is_bigint(v) && bt_bigint_as_i64(v, out);
}

/* r, beyond the inline range, as a one-limb big int, allocated inline when
 * a block is free (a running total makes one per step). */
static inline BtValue int64_to_big(BtThread *t, int64_t r) {
    BtBigInt *b = bt_gc_alloc_fast(t, BT_TYPE(t, int_), sizeof(BtBigInt) + sizeof(uint64_t));
    if (!b)
        return bt_bigint_from_i64(t, r);
    return bt_bigint_set_limb(b, r < 0 ? 0 - (uint64_t)r : (uint64_t)r, r < 0);
}

_Static_assert(BT_BINOP_ADD == 0 && BT_BINOP_SUB == 1 && BT_BINOP_MUL == 2,
               "binary_slow tells + - * from the rest by order");

static BtValue binary_slow(BtThread *t, int op, BtValue a, BtValue b) {
    int base = op >= BT_BINOP__COUNT ? op - BT_BINOP__COUNT : op; /* ints: += is + */
    /* + - * of ints past the inline range that fit 64 bits (a running total
     * past 2**49, a time in nanoseconds), with a result that does too: int64
     * arithmetic, no GMP, no dispatch. */
    int64_t x, y, r;
    if (base <= BT_BINOP_MUL && int64_of(a, &x) && int64_of(b, &y)) {
        bool overflow = base == BT_BINOP_ADD   ? __builtin_add_overflow(x, y, &r)
                        : base == BT_BINOP_SUB ? __builtin_sub_overflow(x, y, &r)
                                               : __builtin_mul_overflow(x, y, &r);
        if (!overflow)
            return bt_int_fits(r) ? bt_int(r) : int64_to_big(t, r);
    }
    /* Other ints need no dispatch either (but @ must end in TypeError). */
    if (bt_is_integer(a) && bt_is_integer(b) && base != BT_BINOP_MATMUL)
        return bt_int_binary_exact(t, base, a, b);
    if (op >= BT_BINOP__COUNT)
        return bt_inplace_op(t, (BtBinOp)(op - BT_BINOP__COUNT), a, b);
    return bt_binary_op(t, (BtBinOp)op, a, b);
}

/* x op y for &, |, ^, Python's floor-rounded // and %, and ** with an
 * exponent >= 0; BT_UNDEF leaves the rest (division by zero, overflow,
 * negative exponents) to the slow path, which raises or goes to floats.
 * Out of line, and returning its result rather than storing through a
 * pointer: a pointer would keep binary_fast's result in memory on the hot
 * + - * paths too (measured: loop 0.30 s -> 0.47 s). */
static __attribute__((noinline)) BtValue int_other_op(int op, int64_t x, int64_t y) {
    switch (op) {
    case BT_BINOP_POW: {
        int64_t acc = 1, base = x;
        if (y < 0)
            return BT_UNDEF;
        for (;;) { /* square and multiply, stopping at the first overflow */
            if ((y & 1) && __builtin_mul_overflow(acc, base, &acc))
                return BT_UNDEF;
            y >>= 1;
            if (!y)
                break;
            if (__builtin_mul_overflow(base, base, &base))
                return BT_UNDEF;
        }
        return bt_int_fits(acc) ? bt_int(acc) : BT_UNDEF;
    }
    case BT_BINOP_AND: return bt_int(x & y);
    case BT_BINOP_OR: return bt_int(x | y);
    case BT_BINOP_XOR: return bt_int(x ^ y);
    case BT_BINOP_FLOORDIV:
    case BT_BINOP_MOD: {
        if (y == 0 || (x == BT_INT_INLINE_MIN && y == -1)) /* its quotient leaves the range */
            return BT_UNDEF;
        int64_t q = x / y, m = x % y;
        if (m != 0 && ((m < 0) != (y < 0))) { /* C truncates; Python floors */
            m += y;
            q -= 1;
        }
        return bt_int(op == BT_BINOP_MOD ? m : q);
    }
    default:
        return BT_UNDEF;
    }
}

/* a * a for an inline int a; BT_UNDEF when the square leaves the inline range. */
static inline BtValue int_square(BtValue a) {
    int64_t z;
    if (__builtin_mul_overflow(bt_as_i64(a), bt_int_scaled(a), &z))
        return BT_UNDEF;
    return bt_int_from_scaled(z);
}

/* TOS1 op TOS without a call for two ints (a result in the inline range) or
 * two floats: true with *r set; false means take binary_slow. + - * work on
 * scaled ints (value.h): a 64-bit overflow there is a result past the range. */
static inline bool binary_fast(int op, BtValue a, BtValue b, BtValue *r) {
    if (op >= BT_BINOP__COUNT) /* in-place forms act alike on ints and floats */
        op -= BT_BINOP__COUNT;
    /* A chain of compares, not a switch: a jump table costs more than the
     * three tests it would save. */
    if (bt_is_int(a) && bt_is_int(b)) {
        int64_t z;
        bool overflow;
        if (op == BT_BINOP_ADD)
            overflow = __builtin_add_overflow(bt_int_scaled(a), bt_int_scaled(b), &z);
        else if (op == BT_BINOP_SUB)
            overflow = __builtin_sub_overflow(bt_int_scaled(a), bt_int_scaled(b), &z);
        else if (op == BT_BINOP_MUL)
            overflow = __builtin_mul_overflow(bt_as_i64(a), bt_int_scaled(b), &z);
        else if (op == BT_BINOP_POW && bt_same(b, bt_int(2))) /* a square, the usual power */
            return !bt_is_undef(*r = int_square(a));
        else
            return !bt_is_undef(*r = int_other_op(op, bt_as_i64(a), bt_as_i64(b)));
        if (overflow)
            return false;
        *r = bt_int_from_scaled(z);
        return true;
    }
    if (bt_is_float(a) && bt_is_float(b)) {
        if (op == BT_BINOP_ADD)
            *r = bt_float(bt_as_f64(a) + bt_as_f64(b));
        else if (op == BT_BINOP_SUB)
            *r = bt_float(bt_as_f64(a) - bt_as_f64(b));
        else if (op == BT_BINOP_MUL)
            *r = bt_float(bt_as_f64(a) * bt_as_f64(b));
        else
            return false;
        return true;
    }
    return false;
}

/* a cmp b for two ints or two floats: 1 or 0; -1 means take the slow path. */
static inline int compare_fast(BtCompareOp cmp, BtValue a, BtValue b) {
    if (bt_is_int(a) && bt_is_int(b)) {
        int64_t x = bt_int_scaled(a), y = bt_int_scaled(b); /* ordered as the ints */
        switch (cmp) {
        case BT_COMPARE_LT: return x < y;
        case BT_COMPARE_LE: return x <= y;
        case BT_COMPARE_EQ: return x == y;
        case BT_COMPARE_NE: return x != y;
        case BT_COMPARE_GT: return x > y;
        default: return x >= y;
        }
    }
    if (bt_is_float(a) && bt_is_float(b)) {
        double x = bt_as_f64(a), y = bt_as_f64(b);
        switch (cmp) {
        case BT_COMPARE_LT: return x < y;
        case BT_COMPARE_LE: return x <= y;
        case BT_COMPARE_EQ: return x == y;
        case BT_COMPARE_NE: return x != y;
        case BT_COMPARE_GT: return x > y;
        default: return x >= y;
        }
    }
    return -1;
}

/* The truth of sp[-2] cmp sp[-1] through the full protocol: 1, 0, or -1
 * with an exception. The result stays in sp[-2] (rooted) while its truth
 * is asked. */
static int compare_slow(BtThread *t, BtCompareOp cmp, BtValue *sp) {
    BtValue r = bt_compare(t, sp[-2], sp[-1], cmp);
    if (bt_is_undef(r))
        return -1;
    if (bt_is_bool(r))
        return bt_as_bool(r);
    sp[-2] = r;
    return bt_truthy(t, r);
}

static bool unpack(BtThread *t, BtValue seq, int before, int after, bool starred, BtValue *dst) {
    BtValue *items = NULL;
    size_t len = 0;
    if (bt_is_obj(seq) && (bt_as_obj(seq)->type == BT_TYPE(t, tuple))) {
        items = ((BtTuple *)bt_as_obj(seq))->items;
        len = ((BtTuple *)bt_as_obj(seq))->len;
    } else if (bt_is_obj(seq) && bt_as_obj(seq)->type == BT_TYPE(t, list)) {
        items = ((BtList *)bt_as_obj(seq))->items;
        len = ((BtList *)bt_as_obj(seq))->len;
    }
    BtValue collected = BT_UNDEF;
    BT_PUSH_ROOT(t, &collected);
    if (!items) {
        BtType *ty = bt_type_of(t, seq);
        if (!ty->iter && !ty->getitem) {
            bt_raise(t, BT_EXC(t, TypeError), "cannot unpack non-iterable %s object",
                     ty->name->data);
            BT_POP_ROOT(t, 1);
            return false;
        }
        BtList *l = bt_list_from_iterable(t, seq);
        if (!l) {
            BT_POP_ROOT(t, 1);
            return false;
        }
        collected = bt_obj(l);
        items = l->items;
        len = l->len;
    }
    bool ok = true;
    if (!starred) {
        if (len != (size_t)before) {
            if (len < (size_t)before)
                bt_raise(t, BT_EXC(t, ValueError), "not enough values to unpack (expected %d, got %zu)",
                         before, len);
            else
                bt_raise(t, BT_EXC(t, ValueError), "too many values to unpack (expected %d)", before);
            ok = false;
        } else {
            for (int i = 0; i < before; i++)
                dst[before - 1 - i] = items[i];
        }
    } else if (len < (size_t)(before + after)) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "not enough values to unpack (expected at least %d, got %zu)", before + after,
                 len);
        ok = false;
    } else {
        /* Stack order, top first: items[0] .. items[before-1], the star list, the rest. */
        int total = before + 1 + after;
        for (int i = 0; i < before; i++)
            dst[total - 1 - i] = items[i];
        size_t mid = len - (size_t)before - (size_t)after;
        for (int i = 0; i < after; i++)
            dst[after - 1 - i] = items[(size_t)before + mid + (size_t)i];
        BtList *star = bt_list_from(t, items + before, mid);
        if (!star)
            ok = false;
        else
            dst[after] = bt_obj(star);
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* "__main__.f()" as CPython names a callable in call errors. */
static BtStr *function_str(BtThread *t, BtValue func) {
    if (bt_is_obj(func) && bt_as_obj(func)->type == BT_TYPE(t, function)) {
        BtFunction *fn = (BtFunction *)bt_as_obj(func);
        if (bt_is_str(t, fn->module) && strcmp(bt_as_str(fn->module)->data, "builtins") != 0)
            return bt_str_format(t, "%S.%S()", bt_as_str(fn->module), fn->qualname);
        return bt_str_format(t, "%S()", fn->qualname);
    }
    if (bt_is_obj(func) && bt_as_obj(func)->type == BT_TYPE(t, native))
        return bt_str_format(t, "%s()", ((BtNative *)bt_as_obj(func))->name);
    return bt_str_format(t, "%s object", bt_type_name(t, func));
}

/* f(*args, **kwargs): flatten into a vector call. */
static BtValue call_ex(BtThread *t, BtValue callable, BtValue argseq, BtValue kwargs) {
    if (!(bt_is_obj(argseq) && bt_as_obj(argseq)->type == BT_TYPE(t, tuple))) {
        BtType *at = bt_type_of(t, argseq);
        if (!at->iter && !at->getitem) {
            BtStr *fs = function_str(t, callable);
            if (fs)
                bt_raise(t, BT_EXC(t, TypeError), "%S argument after * must be an iterable, not %s",
                         fs, at->name->data);
            return BT_UNDEF;
        }
    }
    BtTuple *args = bt_is_obj(argseq) && bt_as_obj(argseq)->type == BT_TYPE(t, tuple)
                        ? (BtTuple *)bt_as_obj(argseq)
                        : bt_tuple_from_iterable(t, argseq);
    if (!args)
        return BT_UNDEF;
    BtValue keep = bt_obj(args);
    BT_PUSH_ROOT(t, &keep);
    size_t nkw = bt_is_undef(kwargs) ? 0 : bt_as_dict(kwargs)->len;
    size_t total = args->len + nkw;
    BtValue *vec = malloc((total ? total : 1) * sizeof(BtValue));
    BtTuple *names = nkw ? bt_tuple_new(t, nkw) : NULL;
    BtValue kn = names ? bt_obj(names) : BT_NONE;
    BT_PUSH_ROOT(t, &kn);
    BtValue r = BT_UNDEF;
    if (vec && (nkw == 0 || names)) {
        memcpy(vec, args->items, args->len * sizeof(BtValue));
        size_t pos = 0, i = 0;
        BtValue k, v;
        bool ok = true;
        while (nkw && bt_dict_next(bt_as_dict(kwargs), &pos, &k, &v)) {
            if (!bt_is_str(t, k)) {
                bt_raise(t, BT_EXC(t, TypeError), "keywords must be strings");
                ok = false;
                break;
            }
            names->items[i] = k;
            vec[args->len + i] = v;
            i++;
        }
        if (ok)
            r = bt_call(t, callable, vec, (int)args->len, names);
    } else if (!vec) {
        bt_raise_memory(t);
    }
    free(vec);
    BT_POP_ROOT(t, 2);
    return r;
}

static BtValue make_function(BtThread *t, BtFrame *f, BtValue *sp, uint32_t flags,
                             int *popped) {
    BtCode *code = (BtCode *)bt_as_obj(sp[-1]);
    int n = 1;
    BtValue closure = BT_UNDEF, kwdefaults = BT_UNDEF, defaults = BT_UNDEF;
    if (flags & BT_MF_CLOSURE)
        closure = sp[-1 - n++];
    if (flags & BT_MF_KWDEFAULTS)
        kwdefaults = sp[-1 - n++];
    if (flags & BT_MF_DEFAULTS)
        defaults = sp[-1 - n++];
    *popped = n;
    BtFunction *fn = bt_function_new(t, code, f->globals);
    if (!fn)
        return BT_UNDEF;
    if (!bt_is_undef(closure))
        fn->closure = (BtTuple *)bt_as_obj(closure);
    if (!bt_is_undef(kwdefaults))
        fn->kwdefaults = (BtDict *)bt_as_obj(kwdefaults);
    if (!bt_is_undef(defaults))
        fn->defaults = (BtTuple *)bt_as_obj(defaults);
    return bt_obj(fn);
}

/* BEFORE_WITH and BEFORE_ASYNC_WITH: mgr's bound __exit__ (__aexit__) in
 * *exit_out, and what __enter__ (__aenter__) returned, or BT_UNDEF. */
static BtValue before_with(BtThread *t, BtValue mgr, BtValue *exit_out, bool is_async) {
    BtType *ty = bt_type_of(t, mgr);
    BtValue enter =
        bt_type_lookup(ty, is_async ? BT_NAME(t, dunder_aenter) : BT_NAME(t, dunder_enter));
    BtValue exit =
        bt_type_lookup(ty, is_async ? BT_NAME(t, dunder_aexit) : BT_NAME(t, dunder_exit));
    if (bt_is_undef(enter) || bt_is_undef(exit)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 bt_is_undef(enter)
                     ? "'%s' object does not support the %scontext manager protocol"
                     : "'%s' object does not support the %scontext manager protocol (missed "
                       "__%sexit__ method)",
                 ty->name->data, is_async ? "asynchronous " : "", is_async ? "a" : "");
        return BT_UNDEF;
    }
    BtValue bound = bt_method_new(t, exit, mgr);
    if (bt_is_undef(bound))
        return BT_UNDEF;
    *exit_out = bound;
    BT_PUSH_ROOT(t, exit_out); /* only the caller's C local holds it while __enter__ runs */
    BtValue r = bt_call(t, enter, &mgr, 1, NULL);
    BT_POP_ROOT(t, 1);
    return r;
}

/* GET_AITER: aiterable.__aiter__(), which must have __anext__. */
static BtValue get_aiter(BtThread *t, BtValue obj) {
    BtType *ty = bt_type_of(t, obj);
    BtValue meth = bt_type_lookup(ty, BT_NAME(t, dunder_aiter));
    if (bt_is_undef(meth)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "'async for' requires an object with __aiter__ method, got %s", ty->name->data);
        return BT_UNDEF;
    }
    BtValue it = bt_call(t, meth, &obj, 1, NULL);
    if (bt_is_undef(it))
        return BT_UNDEF;
    if (bt_is_undef(bt_type_lookup(bt_type_of(t, it), BT_NAME(t, dunder_anext)))) {
        bt_raise(
            t, BT_EXC(t, TypeError),
            "'async for' received an object from __aiter__ that does not implement __anext__: %s",
            bt_type_name(t, it));
        return BT_UNDEF;
    }
    return it;
}

/* GET_ANEXT: the iterator to await for the next round of `async for`. A
 * result await cannot take raises TypeError, caused by await's own error. */
static BtValue get_anext(BtThread *t, BtValue aiter) {
    BtType *ty = bt_type_of(t, aiter);
    BtValue meth = bt_type_lookup(ty, BT_NAME(t, dunder_anext));
    if (bt_is_undef(meth)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "'async for' requires an iterator with __anext__ method, got %s", ty->name->data);
        return BT_UNDEF;
    }
    BtValue aw = bt_call(t, meth, &aiter, 1, NULL);
    if (bt_is_undef(aw))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &aw);
    BtValue it = bt_gen_awaitable(t, aw, 0);
    if (bt_is_undef(it) && bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
        BtValue cause = bt_take_exc(t);
        BT_PUSH_ROOT(t, &cause);
        bt_raise(t, BT_EXC(t, TypeError),
                 "'async for' received an invalid object from __anext__: %s", bt_type_name(t, aw));
        if (bt_has_exc(t) && bt_is_obj(t->exc) &&
            bt_as_obj(t->exc)->type->layout == BT_LAYOUT_EXCEPTION) {
            BtException *e = (BtException *)bt_as_obj(t->exc);
            e->cause = cause;
            e->context = cause;
            e->suppress_context = true;
        }
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 1);
    return it;
}

static BtValue with_except_start(BtThread *t, BtValue exit, BtValue exc) {
    BtValue args[3] = {bt_obj(bt_type_of(t, exc)), exc, BT_NONE};
    if (bt_is_obj(exc) && bt_as_obj(exc)->type->layout == BT_LAYOUT_EXCEPTION)
        args[2] = ((BtException *)bt_as_obj(exc))->traceback;
    return bt_call(t, exit, args, 3, NULL);
}

static bool do_raise(BtThread *t, BtValue exc, BtValue cause) {
    if (!bt_is_undef(cause)) {
        BtValue c = cause;
        if (bt_is_class(t, c)) {
            c = bt_call(t, c, NULL, 0, NULL);
            if (bt_is_undef(c))
                return false;
        } else if (!bt_is_none(c) && !(bt_is_obj(c) && bt_as_obj(c)->type->layout == BT_LAYOUT_EXCEPTION)) {
            bt_raise(t, BT_EXC(t, TypeError), "exception causes must derive from BaseException");
            return false;
        }
        BT_PUSH_ROOT(t, &c);
        bt_raise_value(t, exc);
        BT_POP_ROOT(t, 1);
        if (bt_is_obj(t->exc) && bt_as_obj(t->exc)->type->layout == BT_LAYOUT_EXCEPTION) {
            BtException *e = (BtException *)bt_as_obj(t->exc);
            e->cause = c;
            e->suppress_context = true;
        }
        return false;
    }
    bt_raise_value(t, exc);
    return false;
}

/* `import name` with level and fromlist from the stack: through a
 * replacement of builtins.__import__ if there is one, as CPython. */
static BtValue import_name(BtThread *t, BtFrame *f, BtStr *name, BtValue level, BtValue fromlist) {
    BtValue imp = bt_dict_get_str(t->interp->builtins, BT_NAME(t, dunder_import));
    if (!bt_is_undef(imp) && !bt_same(imp, t->interp->default_import)) {
        BtValue args[5] = {bt_obj(name), bt_obj(f->globals),
                           bt_frame_locals_dict(f) ? bt_obj(bt_frame_locals_dict(f)) : BT_NONE, fromlist, level};
        return bt_call(t, imp, args, 5, NULL);
    }
    return bt_import_name(t, name, bt_obj(f->globals), fromlist, bt_as_i64(level));
}

/* "Item in m.__all__ must be str, not int" (or "Key in m.__dict__ ..."). */
static void import_star_bad_name(BtThread *t, BtValue mod, BtValue name, bool from_all) {
    BtValue modname = bt_getattr_opt(t, mod, BT_NAME(t, dunder_name));
    bt_take_exc(t); /* only for the message */
    if (bt_is_str(t, modname))
        bt_raise(t, BT_EXC(t, TypeError), "%s in %S.%s must be str, not %s",
                 from_all ? "Item" : "Key", bt_as_str(modname), from_all ? "__all__" : "__dict__",
                 bt_type_name(t, name));
    else
        bt_raise(t, BT_EXC(t, TypeError), "%s in %s must be str, not %s",
                 from_all ? "Item" : "Key", from_all ? "__all__" : "__dict__",
                 bt_type_name(t, name));
}

/* from mod import *: the names of mod.__all__, else the public names of its
 * __dict__; mod may be any object sys.modules holds, as in CPython. */
static bool import_star(BtThread *t, BtFrame *f, BtValue mod) {
    BtDict *dst = bt_frame_namespace(f);
    bool is_module = bt_is_obj(mod) && bt_as_obj(mod)->type == BT_TYPE(t, module);
    BtValue names = is_module ? bt_dict_get_str(((BtModule *)bt_as_obj(mod))->dict, BT_NAME(t, dunder_all))
                              : bt_getattr_opt(t, mod, BT_NAME(t, dunder_all));
    bool from_all = !bt_is_undef(names);
    if (!from_all && is_module) { /* the common case: a module's own dict */
        size_t pos = 0;
        BtValue k, v;
        BtDict *src = ((BtModule *)bt_as_obj(mod))->dict;
        while (bt_dict_next(src, &pos, &k, &v))
            if (bt_is_str(t, k) && bt_as_str(k)->data[0] != '_' && !bt_dict_set(t, dst, k, v))
                return false;
        return true;
    }
    if (!from_all) {
        if (bt_has_exc(t))
            return false;
        BtValue d = bt_getattr_opt(t, mod, BT_NAME(t, dunder_dict));
        if (bt_is_undef(d)) {
            if (!bt_has_exc(t))
                bt_raise(t, BT_EXC(t, ImportError),
                         "from-import-* object has no __dict__ and no __all__");
            return false;
        }
        BT_PUSH_ROOT(t, &d);
        BtList *keys = bt_list_from_iterable(t, d);
        BT_POP_ROOT(t, 1);
        if (!keys)
            return false;
        names = bt_obj(keys);
    }
    /* By index until IndexError, as CPython reads __all__: a sequence, not any iterable. */
    if (!bt_type_of(t, names)->getitem) {
        bt_raise(t, BT_EXC(t, TypeError), "'%T' object does not support indexing", names);
        return false;
    }
    BtValue name = BT_NONE;
    BT_PUSH_ROOT(t, &names);
    BT_PUSH_ROOT(t, &name);
    bool ok = true;
    for (int64_t pos = 0; ok; pos++) {
        name = bt_getitem(t, names, bt_int(pos));
        if (bt_is_undef(name)) {
            ok = bt_exc_pending_is(t, BT_EXC(t, IndexError));
            if (ok)
                bt_take_exc(t);
            break;
        }
        if (!bt_is_str(t, name)) {
            import_star_bad_name(t, mod, name, from_all);
            ok = false;
            break;
        }
        if (!from_all && bt_as_str(name)->data[0] == '_')
            continue;
        BtValue v = bt_getattr(t, mod, bt_as_str(name));
        ok = !bt_is_undef(v) && bt_dict_set(t, dst, name, v);
    }
    BT_POP_ROOT(t, 2);
    return ok;
}

static bool print_expr(BtThread *t, BtValue v) {
    if (bt_is_none(v))
        return true;
    if (!bt_dict_set_str(t, t->interp->builtins, bt_str_intern_cstr(t, "_"), v))
        return false;
    BtValue r = bt_repr(t, v);
    if (bt_is_undef(r))
        return false;
    BT_PUSH_ROOT(t, &r);
    BtValue out = bt_import_sys_attr(t, "stdout");
    bool ok = true;
    if (!bt_is_undef(out)) {
        BtValue w = bt_getattr(t, out, BT_NAME(t, write)), lv = BT_UNDEF;
        BT_PUSH_ROOT(t, &w); /* a fresh bound method: the next allocation may collect it */
        BT_PUSH_ROOT(t, &lv);
        BtStr *line = bt_is_undef(w) ? NULL : bt_str_format(t, "%S\n", bt_as_str(r));
        lv = line ? bt_obj(line) : BT_UNDEF;
        ok = line && !bt_is_undef(bt_call(t, w, &lv, 1, NULL));
        BT_POP_ROOT(t, 2);
    } else {
        fwrite(bt_as_str(r)->data, 1, bt_as_str(r)->size, stdout);
        fputc('\n', stdout);
    }
    BT_POP_ROOT(t, 1);
    return ok;
}

/* The breaker fired: handle what it asks for. false with an exception raised
 * (KeyboardInterrupt). */
static bool handle_breaker(BtThread *t) {
    return bt_eval_handle_breaker(t);
}

/* ---- the loop ---- */

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(ptrdiff_t)(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SAVE_FRAME() (f->ip = ip, f->sp = sp)
#define LOAD_FRAME() LOAD_FRAME_FROM(t->frame)
/* Run frame fr (already linked as t->frame) from where it stopped. */
#define LOAD_FRAME_FROM(fr)                                                                        \
    do {                                                                                           \
        f = (fr);                                                                                  \
        code = f->code;                                                                            \
        ip = f->ip;                                                                                \
        sp = f->sp;                                                                                \
        consts = code->consts->items;                                                              \
    } while (0)
/* Names are read where they are used, not kept in a register: only a few
 * handlers need them, and every frame switch would pay to load them. */
#define NAME(i) bt_as_str(code->names->items[(i)])
/* The frame's slots follow it, so this costs no register of its own. */
#define LOCALS (bt_frame_slots(f))
#if BT_COMPUTED_GOTO
#define TRACING() (table != plain_table) /* a register test: no load while tracing is off */
#else
#define TRACING() (t->hook != NULL)
#endif
#define CHECK_BREAKER()                                                                            \
    do {                                                                                           \
        if (atomic_load_explicit(&t->breaker, memory_order_relaxed)) {                \
            SAVE_FRAME();                                                                          \
            if (!handle_breaker(t))                                                                \
                goto error;                                                                        \
        }                                                                                          \
    } while (0)

/* Jump to instruction `target` of this code: a conditional jump that goes
 * back (a while loop's test at its bottom) checks the breaker first, like
 * JUMP_BACKWARD, so an endless loop can still be interrupted. */
#define JUMP_TO(target)                                                                            \
    do {                                                                                           \
        const BtInstr *dest_ = code->instrs + (target);                                            \
        if (dest_ < ip)                                                                            \
            CHECK_BREAKER();                                                                       \
        ip = dest_;                                                                                \
    } while (0)

#if BT_COMPUTED_GOTO
#define TARGET(name) L_##name:
#define DISPATCH()                                                                                 \
    do {                                                                                           \
        instr = *ip++;                                                                             \
        goto *table[BT_INSTR_OP(instr)];                                                           \
    } while (0)
#define ARG() BT_INSTR_ARG(instr)
#else
#define TARGET(name) case BT_OP_##name:
#define DISPATCH() goto dispatch
#define ARG() BT_INSTR_ARG(instr)
#endif


static BtValue run(BtThread *t, BtFrame *entry) {
#if BT_COMPUTED_GOTO
    static const void *const plain_table[BT_OPCODE__COUNT] = {
#define LABEL(name, kind, eff, jeff, meaning) &&L_##name,
        BT_OPCODES(LABEL)
#undef LABEL
    };
    static const void *const traced_table[BT_OPCODE__COUNT] = {
        [0 ... BT_OPCODE__COUNT - 1] = &&L_TRACED,
    };
    const void *const *table;
#else
    const void *const *table;
    static const void *const plain_table[1] = {NULL};
    static const void *const traced_table[1] = {NULL};
#endif
    BtFrame *f;
    BtCode *code;
    const BtInstr *ip;
    BtValue *sp, *consts;
    BtInstr instr = 0;
    BtTuple *kwnames = NULL;
    BtValue retval;

    if (!bt_c_stack_ok(t, "")) {
        pop_frame(t, entry);
        return BT_UNDEF;
    }
    t->c_depth++;
    (void)entry;
    LOAD_FRAME();
    table = t->hook ? traced_table : plain_table; /* a hook is installed before code runs */
    if (t->hook && !bt_frame_gen(f))
        bt_hook_emit(t, BT_EV_CALL, f, 0, BT_UNDEF, BT_UNDEF);
    if (bt_has_exc(t)) /* a generator resumed with throw(): raise at the yield */
        goto exception_unwind_thrown;

#if BT_COMPUTED_GOTO
    DISPATCH();
L_TRACED:
    SAVE_FRAME();
    if (t->hook && t->hook->instructions) {
        bt_hook_emit(t, BT_EV_INSTR, f, (uint32_t)(ip - 1 - code->instrs), BT_UNDEF, BT_UNDEF);
        if (bt_has_exc(t)) /* the hook stops the program here (the stepper's q) */
            goto error;
    }
    goto *plain_table[BT_INSTR_OP(instr)];
#else
dispatch:
    instr = *ip++;
    if (t->hook && t->hook->instructions) {
        SAVE_FRAME();
        bt_hook_emit(t, BT_EV_INSTR, f, (uint32_t)(ip - 1 - code->instrs), BT_UNDEF, BT_UNDEF);
        if (bt_has_exc(t)) /* the hook stops the program here (the stepper's q) */
            goto error;
    }
    (void)table;
    switch ((BtOpcode)BT_INSTR_OP(instr)) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }

    TARGET(RESUME) {
        CHECK_BREAKER();
        DISPATCH();
    }

    TARGET(POP_TOP) {
        sp--;
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(BT_UNDEF);
        DISPATCH();
    }

    TARGET(COPY) {
        BtValue v = PEEK(ARG());
        PUSH(v);
        DISPATCH();
    }

    TARGET(SWAP) {
        BtValue v = TOP();
        SET_TOP(PEEK(ARG()));
        PEEK(ARG()) = v;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(consts[ARG()]);
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_FAST) {
        uint32_t i = ARG() >> BT_ARG_PAIR_BITS, j = ARG() & ((1u << BT_ARG_PAIR_BITS) - 1);
        sp[0] = LOCALS[i]; /* fused only where both are surely bound */
        sp[1] = LOCALS[j];
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_FAST_LOAD_CONST) {
        sp[0] = LOCALS[ARG() >> BT_ARG_PAIR_BITS]; /* fused only where surely bound */
        sp[1] = consts[ARG() & ((1u << BT_ARG_PAIR_BITS) - 1)];
        sp += 2;
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        PUSH(LOCALS[ARG()]);
        DISPATCH();
    }

    TARGET(LOAD_FAST_CHECK) {
        BtValue v = LOCALS[ARG()];
        if (bt_is_undef(v)) {
            raise_unbound_local(t, code, ARG());
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        LOCALS[ARG()] = POP();
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        if (bt_is_undef(LOCALS[ARG()])) {
            raise_unbound_local(t, code, ARG());
            goto error;
        }
        LOCALS[ARG()] = BT_UNDEF;
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        BtCell *cell = bt_cell_new(t, LOCALS[ARG()]);
        if (!cell)
            goto error;
        LOCALS[ARG()] = bt_obj(cell);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(LOCALS[ARG()]);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        BtValue v = ((BtCell *)bt_as_obj(LOCALS[ARG()]))->value;
        if (bt_is_undef(v)) {
            raise_unbound_local(t, code, ARG());
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        uint32_t i = ARG();
        BtStr *name = bt_as_str(i < (uint32_t)(code->nlocals + code->ncells)
                                    ? code->cellvars->items[i - code->nlocals]
                                    : code->freevars->items[i - code->nlocals - code->ncells]);
        BtDict *ns = bt_frame_locals_dict(f);
        BtValue v = ns ? bt_dict_get_str(ns, name) : BT_UNDEF;
        if (bt_is_undef(v))
            v = ((BtCell *)bt_as_obj(LOCALS[i]))->value;
        if (bt_is_undef(v)) {
            raise_unbound_local(t, code, i);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        ((BtCell *)bt_as_obj(LOCALS[ARG()]))->value = POP();
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        BtCell *cell = (BtCell *)bt_as_obj(LOCALS[ARG()]);
        if (bt_is_undef(cell->value)) {
            raise_unbound_local(t, code, ARG());
            goto error;
        }
        cell->value = BT_UNDEF;
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        BtValue v;
        BtGlobalCache *ce = code->gcache ? &code->gcache[ip - 1 - code->instrs] : NULL;
        BtDict *builtins = t->interp->builtins;
        if (ce && ce->globals == f->globals && ce->globals_version == f->globals->version &&
            ce->builtins_version == builtins->version) {
            v = ce->value;
        } else {
            v = load_global(t, f->globals, NAME(ARG() >> 1));
            if (bt_is_undef(v))
                goto error;
            if (!ce && (code->gcache = calloc(code->ninstrs, sizeof(BtGlobalCache))))
                ce = &code->gcache[ip - 1 - code->instrs];
            if (ce)
                *ce = (BtGlobalCache){f->globals, f->globals->version, builtins->version, v};
        }
        if (ARG() & 1)
            PUSH(BT_UNDEF);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        if (!bt_dict_set_str(t, f->globals, NAME(ARG()), TOP()))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        int r = bt_dict_del(t, f->globals, bt_obj(NAME(ARG())));
        if (r <= 0) {
            if (r == 0)
                bt_raise(t, BT_EXC(t, NameError), "name '%S' is not defined", NAME(ARG()));
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        BtValue v = load_name(t, f, NAME(ARG()));
        if (bt_is_undef(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        BtDict *d = bt_frame_namespace(f);
        if (__builtin_expect(d->hdr.type != BT_TYPE(t, dict), 0)) {
            /* A class body in the dict subclass its metaclass's __prepare__ gave. */
            SAVE_FRAME();
            if (!bt_type_namespace_store(t, d, NAME(ARG()), TOP()))
                goto error;
        } else if (!bt_dict_set_str(t, d, NAME(ARG()), TOP()))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        BtDict *d = bt_frame_namespace(f);
        SAVE_FRAME();
        int r = bt_type_namespace_del(t, d, NAME(ARG()));
        if (r <= 0) {
            if (r == 0)
                bt_raise(t, BT_EXC(t, NameError), "name '%S' is not defined", NAME(ARG()));
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        BtValue obj = TOP();
        if (bt_is_obj(obj) && bt_as_obj(obj)->type->layout == BT_LAYOUT_INSTANCE &&
            !bt_as_obj(obj)->type->getattr && NAME(ARG()) != BT_NAME(t, dunder_class)) {
            /* An instance attribute of a plain class, found at first sight. */
            BtDict *d = ((BtInstance *)bt_as_obj(obj))->dict;
            BtValue v;
            if (d && bt_dict_peek_str(d, NAME(ARG()), &v) > 0) {
                SET_TOP(v);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        BtValue v = bt_getattr(t, TOP(), NAME(ARG()));
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        SAVE_FRAME();
        if (!bt_setattr(t, TOP(), NAME(ARG()), PEEK(2)))
            goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        SAVE_FRAME();
        if (!bt_delattr(t, TOP(), NAME(ARG())))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        SAVE_FRAME();
        BtValue meth, self, obj = TOP();
        BtMethodCache *mc = code->mcache ? &code->mcache[ip - 1 - code->instrs] : NULL;
        if (mc && bt_is_obj(obj) && mc->type == bt_as_obj(obj)->type &&
            mc->epoch == t->interp->type_epoch) {
            /* Same class as last time and no class changed: only an instance
             * attribute of the same name could hide the method. */
            BtDict *d = bt_as_obj(obj)->type->dict_offset
                            ? *(BtDict **)((char *)bt_as_obj(obj) + bt_as_obj(obj)->type->dict_offset)
                            : NULL;
            if (!d || bt_is_undef(bt_dict_get_str(d, NAME(ARG())))) {
                SET_TOP(mc->method);
                PUSH(obj);
                DISPATCH();
            }
        }
        if (!load_method(t, obj, NAME(ARG()), &meth, &self))
            goto error;
        if (!bt_is_undef(meth) && bt_is_obj(obj)) {
            if (!code->mcache)
                code->mcache = calloc(code->ninstrs, sizeof(BtMethodCache));
            if (code->mcache)
                code->mcache[ip - 1 - code->instrs] =
                    (BtMethodCache){bt_as_obj(obj)->type, t->interp->type_epoch, meth};
        }
        SET_TOP(meth);
        PUSH(self);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        BtValue key = TOP(), container = PEEK(2), v;
        if (bt_is_int(key) && bt_is_obj(container) && bt_as_obj(container)->type == BT_TYPE(t, list)) {
            BtList *l = (BtList *)bt_as_obj(container);
            int64_t i = bt_as_i64(key) < 0 ? bt_as_i64(key) + (int64_t)l->len : bt_as_i64(key);
            if (i >= 0 && (uint64_t)i < l->len) {
                sp--;
                SET_TOP(l->items[i]);
                DISPATCH();
            }
        }
        SAVE_FRAME();
        v = bt_getitem(t, container, key);
        if (bt_is_undef(v))
            goto error;
        sp--;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        SAVE_FRAME();
        if (!bt_setitem(t, PEEK(2), TOP(), PEEK(3)))
            goto error;
        sp -= 3;
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        SAVE_FRAME();
        if (!bt_delitem(t, PEEK(2), TOP()))
            goto error;
        sp -= 2;
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        BtValue step = ARG() == 3 ? POP() : BT_NONE;
        BtValue stop = POP(), start = TOP();
        BtValue s = bt_slice_new(t, start, stop, step);
        if (bt_is_undef(s))
            goto error;
        SET_TOP(s);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        BtValue b = TOP(), a = PEEK(2), r;
        if (!binary_fast((int)ARG(), a, b, &r)) {
            SAVE_FRAME();
            r = binary_slow(t, (int)ARG(), a, b);
            if (bt_is_undef(r))
                goto error;
        }
        sp--;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(BINARY_OP_STORE_FAST) {
        BtValue b = TOP(), a = PEEK(2), r;
        int op = (int)(ARG() & ((1u << BT_ARG_BINOP_BITS) - 1));
        if (!binary_fast(op, a, b, &r)) {
            SAVE_FRAME();
            r = binary_slow(t, op, a, b);
            if (bt_is_undef(r))
                goto error;
        }
        sp -= 2;
        LOCALS[ARG() >> BT_ARG_BINOP_BITS] = r;
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        BtValue v = TOP();
        if (bt_is_int(v) && bt_as_i64(v) != BT_INT_INLINE_MIN) {
            SET_TOP(bt_int(-bt_as_i64(v)));
            DISPATCH();
        }
        if (bt_is_float(v)) {
            SET_TOP(bt_float(-bt_as_f64(v)));
            DISPATCH();
        }
        SAVE_FRAME();
        v = bt_unary_op(t, '-', v);
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        SAVE_FRAME();
        BtValue v = bt_unary_op(t, '+', TOP());
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        SAVE_FRAME();
        BtValue v = bt_unary_op(t, '~', TOP());
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        BtValue v = TOP();
        if (bt_is_bool(v)) {
            SET_TOP(bt_bool(!bt_as_bool(v)));
            DISPATCH();
        }
        SAVE_FRAME();
        int truth = bt_truthy(t, v);
        if (truth < 0)
            goto error;
        SET_TOP(bt_bool(!truth));
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        BtValue b = TOP(), a = PEEK(2), r;
        int truth = compare_fast((BtCompareOp)ARG(), a, b);
        if (truth >= 0) {
            r = bt_bool(truth);
        } else {
            SAVE_FRAME();
            r = bt_compare(t, a, b, (BtCompareOp)ARG());
            if (bt_is_undef(r))
                goto error;
        }
        sp--;
        SET_TOP(r);
        DISPATCH();
    }

    TARGET(COMPARE_JUMP_IF_FALSE)
    TARGET(COMPARE_JUMP_IF_TRUE) {
        BtCompareOp cmp = (BtCompareOp)(ARG() & ((1u << BT_ARG_COMPARE_BITS) - 1));
        int truth = compare_fast(cmp, PEEK(2), TOP());
        if (truth < 0) {
            SAVE_FRAME();
            truth = compare_slow(t, cmp, sp);
            if (truth < 0)
                goto error;
        }
        sp -= 2;
        if (truth == (BT_INSTR_OP(instr) == BT_OP_COMPARE_JUMP_IF_TRUE))
            JUMP_TO(ARG() >> BT_ARG_COMPARE_BITS);
        DISPATCH();
    }

    TARGET(IS_OP) {
        bool same = bt_same(PEEK(2), TOP());
        sp--;
        SET_TOP(bt_bool(ARG() ? !same : same));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        SAVE_FRAME();
        int r = bt_contains(t, TOP(), PEEK(2));
        if (r < 0)
            goto error;
        sp--;
        SET_TOP(bt_bool(ARG() ? !r : r));
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        uint32_t n = ARG();
        BtTuple *tup = bt_tuple_from(t, sp - n, n);
        if (!tup)
            goto error;
        sp -= n;
        PUSH(bt_obj(tup));
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        uint32_t n = ARG();
        BtList *l = bt_list_from(t, sp - n, n);
        if (!l)
            goto error;
        sp -= n;
        PUSH(bt_obj(l));
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        uint32_t n = ARG();
        BtSet *s = bt_set_new(t, BT_TYPE(t, set));
        if (!s)
            goto error;
        BtValue sv = bt_obj(s);
        BT_PUSH_ROOT(t, &sv);
        for (uint32_t i = 0; i < n; i++)
            if (bt_set_add(t, s, sp[-(int)n + (int)i]) < 0) {
                BT_POP_ROOT(t, 1);
                goto error;
            }
        BT_POP_ROOT(t, 1);
        sp -= n;
        PUSH(sv);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        uint32_t n = ARG();
        BtDict *d = bt_dict_new(t);
        if (!d)
            goto error;
        BtValue dv = bt_obj(d);
        BT_PUSH_ROOT(t, &dv);
        for (uint32_t i = 0; i < n; i++)
            if (!bt_dict_set(t, d, sp[-2 * (int)n + 2 * (int)i], sp[-2 * (int)n + 2 * (int)i + 1])) {
                BT_POP_ROOT(t, 1);
                goto error;
            }
        BT_POP_ROOT(t, 1);
        sp -= 2 * n;
        PUSH(dv);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        uint32_t n = ARG();
        BtStr *s = bt_str_concat_n(t, sp - n, n);
        if (!s)
            goto error;
        sp -= n;
        PUSH(bt_obj(s));
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        BtValue v = POP();
        if (!bt_list_append(t, bt_as_list(PEEK(ARG())), v))
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        BtValue v = POP();
        SAVE_FRAME();
        if (bt_set_add(t, (BtSet *)bt_as_obj(PEEK(ARG())), v) < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        BtValue v = POP(), k = POP();
        SAVE_FRAME();
        if (!bt_dict_set(t, bt_as_dict(PEEK(ARG())), k, v))
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        BtValue it = TOP();
        SAVE_FRAME();
        if (!bt_list_extend(t, bt_as_list(PEEK(ARG() + 1)), it)) {
            if (bt_exc_pending_is(t, BT_EXC(t, TypeError)) && !bt_type_of(t, it)->iter &&
                !bt_type_of(t, it)->getitem) {
                bt_take_exc(t);
                bt_raise(t, BT_EXC(t, TypeError), "Value after * must be an iterable, not %s",
                         bt_type_name(t, it));
            }
            goto error;
        }
        sp--;
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        BtValue it = TOP();
        SAVE_FRAME();
        BtValue iter = bt_iter(t, it);
        if (bt_is_undef(iter))
            goto error;
        BT_PUSH_ROOT(t, &iter);
        BtSet *s = (BtSet *)bt_as_obj(PEEK(ARG() + 1));
        for (;;) {
            BtValue x = bt_next(t, iter);
            if (bt_is_undef(x))
                break;
            if (bt_set_add(t, s, x) < 0)
                break;
        }
        BT_POP_ROOT(t, 1);
        if (bt_has_exc(t))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        SAVE_FRAME();
        BtValue other = TOP();
        if (!bt_is_dict(t, other) &&
            bt_is_undef(bt_type_lookup(bt_type_of(t, other), BT_NAME(t, keys)))) {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not a mapping",
                     bt_type_name(t, other));
            goto error;
        }
        if (!bt_dict_update(t, bt_as_dict(PEEK(ARG() + 1)), other))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        SAVE_FRAME();
        BtValue other = TOP();
        if (!bt_is_dict(t, other) &&
            !bt_is_undef(bt_type_lookup(bt_type_of(t, other), BT_NAME(t, keys)))) {
            /* Any mapping (keys() and []) is read into a dict first, as CPython does. */
            BtDict *copy = bt_dict_new(t);
            if (!copy)
                goto error;
            SET_TOP(bt_obj(copy));
            BT_PUSH_ROOT(t, &other); /* off the stack now, still being read */
            bool merged = bt_dict_update(t, copy, other);
            BT_POP_ROOT(t, 1);
            if (!merged)
                goto error;
            other = TOP();
        }
        if (!bt_is_dict(t, other)) {
            BtStr *fs = function_str(t, PEEK(ARG() + 3));
            if (fs)
                bt_raise(t, BT_EXC(t, TypeError), "%S argument after ** must be a mapping, not %s",
                         fs, bt_type_name(t, other));
            goto error;
        }
        BtDict *dst = bt_as_dict(PEEK(ARG() + 1));
        size_t pos = 0;
        BtValue k, v;
        while (bt_dict_next(bt_as_dict(other), &pos, &k, &v)) {
            BtValue have = bt_dict_get(t, dst, k);
            if (!bt_is_undef(have)) {
                BtStr *fs = function_str(t, PEEK(ARG() + 3));
                if (fs)
                    bt_raise(t, BT_EXC(t, TypeError),
                             "%S got multiple values for keyword argument '%S'", fs, bt_as_str(k));
                goto error;
            }
            if (!bt_dict_set(t, dst, k, v))
                goto error;
        }
        sp--;
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        BtList *l = bt_as_list(TOP());
        BtTuple *tup = bt_tuple_from(t, l->items, l->len);
        if (!tup)
            goto error;
        SET_TOP(bt_obj(tup));
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        SAVE_FRAME();
        uint32_t flags = ARG();
        BtValue spec = (flags & BT_FMT_SPEC) ? POP() : BT_UNDEF;
        BtValue v = TOP();
        switch (flags & 3) {
        case BT_FMT_STR:
            v = bt_str(t, v);
            break;
        case BT_FMT_REPR:
        case BT_FMT_ASCII:
            v = bt_repr(t, v);
            break;
        default:
            break;
        }
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        if (bt_is_str(t, v) && (bt_is_undef(spec) || bt_as_str(spec)->size == 0))
            DISPATCH();
        v = bt_format_value(t, v, bt_is_undef(spec) ? BT_NAME(t, empty) : bt_as_str(spec));
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        SAVE_FRAME();
        int n = (int)ARG();
        BtValue seq = TOP();
        if (bt_is_obj(seq) && bt_as_obj(seq)->type == BT_TYPE(t, tuple) &&
            ((BtTuple *)bt_as_obj(seq))->len == (size_t)n) {
            BtTuple *tup = (BtTuple *)bt_as_obj(seq);
            sp--;
            for (int i = n - 1; i >= 0; i--)
                PUSH(tup->items[i]);
            DISPATCH();
        }
        /* Results land above seq, which stays rooted in its slot until overwritten. */
        if (!unpack(t, seq, n, 0, false, sp))
            goto error;
        memmove(sp - 1, sp, (size_t)n * sizeof(BtValue));
        sp += n - 1;
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        SAVE_FRAME();
        int before = (int)(ARG() & 0xff), after = (int)(ARG() >> 8);
        BtValue seq = TOP();
        if (!unpack(t, seq, before, after, true, sp))
            goto error;
        int total = before + 1 + after;
        memmove(sp - 1, sp, (size_t)total * sizeof(BtValue));
        sp += total - 1;
        DISPATCH();
    }

    TARGET(GET_ITER) {
        BtValue v = TOP();
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, generator))
            DISPATCH();
        SAVE_FRAME();
        v = bt_iter(t, v);
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        BtValue it = TOP();
        if (bt_is_obj(it)) {
            BtType *ty = bt_as_obj(it)->type;
            if (ty == BT_TYPE(t, range_iter)) {
                int64_t v;
                if (bt_range_iter_step((BtRangeIter *)bt_as_obj(it), &v)) {
                    if (!bt_int_fits(v)) { /* a range past the inline range: box it */
                        SAVE_FRAME();
                        BtValue big = bt_bigint_from_i64(t, v);
                        if (bt_is_undef(big))
                            goto error;
                        PUSH(big);
                        DISPATCH();
                    }
                    PUSH(bt_int(v));
                    DISPATCH();
                }
                sp--;
                ip = code->instrs + ARG();
                DISPATCH();
            }
            if (ty == BT_TYPE(t, list_iter)) {
                BtListIter *li = (BtListIter *)bt_as_obj(it);
                BtList *l = (BtList *)li->seq;
                if (l && li->index < l->len) {
                    PUSH(l->items[li->index++]);
                    DISPATCH();
                }
                li->seq = NULL;
                sp--;
                ip = code->instrs + ARG();
                DISPATCH();
            }
            if (ty == BT_TYPE(t, generator)) {
                BtGen *gen = (BtGen *)bt_as_obj(it);
                if (bt_gen_enter_fast(t, gen)) {
                    SAVE_FRAME();
                    LOAD_FRAME_FROM(&gen->frame);
                    PUSH(BT_NONE);
                    DISPATCH();
                }
                if (bt_gen_state(gen) == BT_GEN_DONE) {
                    sp--;
                    ip = code->instrs + ARG();
                    DISPATCH();
                }
                SAVE_FRAME();
                if (!bt_gen_enter(t, gen, BT_NONE, BT_UNDEF))
                    goto error;
                LOAD_FRAME();
                if (bt_has_exc(t))
                    goto exception_unwind_thrown;
                DISPATCH();
            }
        }
        SAVE_FRAME();
        BtValue v = bt_next(t, it);
        if (bt_is_undef(v)) {
            if (bt_has_exc(t))
                goto error;
            sp--;
            ip = code->instrs + ARG();
            DISPATCH();
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(JUMP_FORWARD) {
        ip = code->instrs + ARG();
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        CHECK_BREAKER(); /* first: a KeyboardInterrupt names the loop's line, not its target's */
        ip = code->instrs + ARG();
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        BtValue v = POP();
        if (bt_is_bool(v)) {
            if (!bt_as_bool(v))
                JUMP_TO(ARG());
            DISPATCH();
        }
        SAVE_FRAME();
        int truth = bt_truthy(t, v);
        if (truth < 0)
            goto error;
        if (!truth)
            JUMP_TO(ARG());
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        BtValue v = POP();
        if (bt_is_bool(v)) {
            if (bt_as_bool(v))
                JUMP_TO(ARG());
            DISPATCH();
        }
        SAVE_FRAME();
        int truth = bt_truthy(t, v);
        if (truth < 0)
            goto error;
        if (truth)
            JUMP_TO(ARG());
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        if (bt_is_none(POP()))
            JUMP_TO(ARG());
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        if (!bt_is_none(POP()))
            JUMP_TO(ARG());
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        SAVE_FRAME();
        int truth = bt_truthy(t, TOP());
        if (truth < 0)
            goto error;
        if (!truth)
            ip = code->instrs + ARG();
        else
            sp--;
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        SAVE_FRAME();
        int truth = bt_truthy(t, TOP());
        if (truth < 0)
            goto error;
        if (truth)
            ip = code->instrs + ARG();
        else
            sp--;
        DISPATCH();
    }

    TARGET(KW_NAMES) {
        kwnames = (BtTuple *)bt_as_obj(consts[ARG()]);
        DISPATCH();
    }

    TARGET(CALL) {
        int n = (int)ARG();
        BtValue *args = sp - n;
        BtValue callable = sp[-n - 2];
        int nargs = n;
        if (bt_is_undef(callable)) {
            callable = sp[-n - 1];
            if (bt_is_obj(callable) && bt_as_obj(callable)->type == BT_TYPE(t, method)) {
                /* Unpack a bound method in place: its self becomes the first argument. */
                BtMethod *m = (BtMethod *)bt_as_obj(callable);
                sp[-n - 2] = m->func;
                sp[-n - 1] = m->self;
                callable = m->func;
                args = sp - n - 1;
                nargs = n + 1;
            }
        } else {
            args = sp - n - 1;
            nargs = n + 1;
        }
        BtTuple *kw = kwnames;
        kwnames = NULL;
        int npositional = nargs - (kw ? (int)kw->len : 0);
        SAVE_FRAME();
        if (bt_is_obj(callable) && bt_as_obj(callable)->type == BT_TYPE(t, function) &&
            !(((BtFunction *)bt_as_obj(callable))->code->flags &
              (BT_CODE_GENERATOR | BT_CODE_MODULE))) {
            /* Python to Python: a new frame, same C call (its RESUME checks the breaker). */
            BtFunction *fn = (BtFunction *)bt_as_obj(callable);
            f->sp = sp - n - 2; /* where the result goes when the callee returns */
            bool exact = args_match_exactly(fn->code, npositional, kw);
            BtFrame *nf = push_frame(t, fn->code, fn->globals, exact ? (uint32_t)nargs : 0);
            if (!nf) {
                f->sp = sp;
                goto error;
            }
            if (exact) {
                for (int i = 0; i < nargs; i++)
                    bt_frame_slots(nf)[i] = args[i];
            } else if (!bind_args_slow(t, fn, bt_frame_slots(nf), args, npositional, kw)) {
                pop_frame(t, nf);
                f->sp = sp;
                goto error;
            }
            copy_free_vars(fn, bt_frame_slots(nf));
            LOAD_FRAME();
            if (TRACING())
                bt_hook_emit(t, BT_EV_CALL, f, 0, BT_UNDEF, BT_UNDEF);
            DISPATCH();
        }
        CHECK_BREAKER();
        if (!kw && nargs > 0 && bt_is_obj(callable) && bt_as_obj(callable)->type == BT_TYPE(t, native) &&
            bt_is_obj(args[0]) && bt_as_obj(args[0])->type == BT_TYPE(t, generator)) {
            /* gen.send(v) and next(gen): resume the generator in this loop,
             * as SEND does; finishing raises StopIteration at this CALL. */
            BtNative *nat = (BtNative *)bt_as_obj(callable);
            BtGen *gen = (BtGen *)bt_as_obj(args[0]);
            BtValue sent = BT_UNDEF;
            if (nat->fn == bt_gen_send_method && npositional == 2)
                sent = args[1];
            else if (nat->fn == t->interp->builtin_next_fn && npositional == 1)
                sent = BT_NONE;
            if (!bt_is_undef(sent) &&
                (bt_gen_state(gen) == BT_GEN_SUSPENDED ||
                 (bt_gen_state(gen) == BT_GEN_CREATED && bt_is_none(sent)))) {
                f->sp = sp - n - 2; /* the yielded value lands where the result goes */
                if (bt_gen_enter_fast(t, gen)) {
                    LOAD_FRAME_FROM(&gen->frame);
                    PUSH(sent);
                    DISPATCH();
                }
                if (!bt_gen_enter(t, gen, sent, BT_UNDEF)) {
                    f->sp = sp;
                    goto error;
                }
                LOAD_FRAME();
                DISPATCH();
            }
        }
        BtValue r;
        if (bt_is_obj(callable) && bt_as_obj(callable)->type == BT_TYPE(t, native)) {
            BtNative *nat = (BtNative *)bt_as_obj(callable);
            /* A method LOAD_METHOD found on self's own type needs no type check. */
            r = !bt_is_undef(sp[-n - 2]) && bt_is_undef(nat->self) &&
                        (nat->flags & BT_NATIVE_METHOD)
                    ? nat->fn(t, bt_native_self(t, nat, args[0]), args + 1, npositional - 1, kw)
                    : bt_call_native(t, nat, args, npositional, kw);
        } else {
            r = bt_call(t, callable, args, npositional, kw);
        }
        if (bt_is_undef(r))
            goto error;
        sp -= n + 2;
        PUSH(r);
        DISPATCH();
    }

    TARGET(CALL_FUNCTION_EX) {
        SAVE_FRAME();
        BtValue kwargs = ARG() & 1 ? TOP() : BT_UNDEF;
        int base = ARG() & 1 ? 1 : 0;
        BtValue argseq = PEEK(base + 1), callable = PEEK(base + 2);
        BtValue r = call_ex(t, callable, argseq, kwargs);
        if (bt_is_undef(r))
            goto error;
        sp -= base + 3;
        PUSH(r);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        int popped;
        BtValue fn = make_function(t, f, sp, ARG(), &popped);
        if (bt_is_undef(fn))
            goto error;
        sp -= popped;
        PUSH(fn);
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        BtValue v = bt_dict_get_str(t->interp->builtins, BT_NAME(t, dunder_build_class));
        if (bt_is_undef(v)) {
            bt_raise(t, BT_EXC(t, NameError), "__build_class__ not found");
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        if (!bt_frame_gen(f) && f != entry && !TRACING()) {
            /* The common case: back to a Python caller in this loop. */
            pop_frame(t, f);
            LOAD_FRAME();
            PUSH(retval);
            DISPATCH();
        }
        SAVE_FRAME();
        if (bt_frame_gen(f)) {
            if (TRACING())
                bt_hook_emit(t, BT_EV_GEN_FINISH, f, (uint32_t)(ip - 1 - code->instrs), retval,
                             BT_UNDEF);
            bt_gen_finished(t, bt_frame_gen(f));
        } else if (TRACING()) {
            bt_hook_emit(t, BT_EV_RETURN, f, (uint32_t)(ip - 1 - code->instrs), retval, BT_UNDEF);
        }
        bool was_entry = f == entry;
        BtGen *gen = bt_frame_gen(f);
        pop_frame(t, f);
        if (was_entry) {
            if (gen)
                gen->frame.sp = NULL; /* finished */
            t->c_depth--;
            return retval;
        }
        LOAD_FRAME();
        if (gen) {
            /* The generator ran inline under FOR_ITER or SEND of this frame. */
            BtOpcode resumer = (BtOpcode)BT_INSTR_OP(ip[-1]);
            uint32_t target = BT_INSTR_ARG(ip[-1]);
            if (resumer == BT_OP_CALL) {
                /* gen.send() run inline: finishing means StopIteration(value) here. */
                bt_raise_stop_iteration(t, retval);
                goto error;
            }
            if (resumer == BT_OP_FOR_ITER) {
                sp--;
            } else {
                sp -= 1; /* the sub-iterator */
                PUSH(retval);
            }
            ip = code->instrs + target;
            DISPATCH();
        }
        PUSH(retval);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_FRAME();
        if (TRACING())
            bt_hook_emit(t, BT_EV_SUSPEND, f, (uint32_t)(ip - 1 - code->instrs), retval, BT_UNDEF);
        bt_gen_suspended(t, bt_gen_of_frame(f));
        t->frame = f->back; /* pop_frame, knowing the frame is a generator's */
        t->py_depth--;
        if (f == entry) {
            t->c_depth--;
            return retval;
        }
        LOAD_FRAME_FROM(f->back);
        /* Resumed inline by FOR_ITER (push the value) or SEND (replace the sent one).
         * After FOR_ITER the value usually goes straight into the loop
         * variable: store it here and save that STORE_FAST's dispatch (not
         * while tracing, which shows every instruction). */
        if (BT_INSTR_OP(*ip) == BT_OP_STORE_FAST && !TRACING()) {
            LOCALS[BT_INSTR_ARG(*ip)] = retval;
            ip++;
            DISPATCH();
        }
        PUSH(retval);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        BtValue v = TOP();
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, generator))
            DISPATCH();
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, coroutine)) {
            if (code->flags & BT_CODE_ITERABLE_COROUTINE)
                DISPATCH(); /* a types.coroutine generator may delegate to one */
            SAVE_FRAME();
            bt_raise(t, BT_EXC(t, TypeError),
                     "cannot 'yield from' a coroutine object in a non-coroutine generator");
            goto error;
        }
        SAVE_FRAME();
        v = bt_iter(t, v);
        if (bt_is_undef(v))
            goto error;
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(SEND) {
        BtValue v = TOP(), sub = PEEK(2);
        SAVE_FRAME();
        if (bt_is_genobj(t, sub) && bt_gen_state((BtGen *)bt_as_obj(sub)) == BT_GEN_DONE) {
            if (bt_gen_is_coro((BtGen *)bt_as_obj(sub)) && !bt_coro_reused(t))
                goto error;
            sp -= 2;
            PUSH(BT_NONE);
            ip = code->instrs + ARG();
            DISPATCH();
        }
        if (bt_is_genobj(t, sub)) {
            BtGen *sub_gen = (BtGen *)bt_as_obj(sub);
            sp--;
            f->sp = sp;
            if (bt_gen_enter_fast(t, sub_gen)) {
                LOAD_FRAME_FROM(&sub_gen->frame);
                PUSH(v);
                DISPATCH();
            }
            if (!bt_coro_may_enter(t, sub_gen, v, BT_UNDEF) ||
                !bt_gen_enter(t, sub_gen, v, BT_UNDEF))
                goto error;
            LOAD_FRAME();
            if (bt_has_exc(t))
                goto exception_unwind_thrown;
            DISPATCH();
        }
        /* Any other iterator: next() or send(); a StopIteration that ends it
         * carries the value of the whole `yield from`. */
        BtValue r, retv = BT_NONE;
        if (bt_is_none(v)) {
            r = bt_next_keep_stop(t, sub);
        } else {
            BtValue meth = bt_getattr(t, sub, BT_NAME(t, send));
            r = bt_is_undef(meth) ? BT_UNDEF : bt_call(t, meth, &v, 1, NULL);
        }
        if (bt_is_undef(r) && bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
            BtValue e = bt_take_exc(t);
            BtTuple *a = ((BtException *)bt_as_obj(e))->args;
            retv = a->len ? a->items[0] : BT_NONE;
            goto send_returned;
        }
        if (bt_is_undef(r)) {
            if (bt_has_exc(t))
                goto error;
            goto send_returned;
        }
        SET_TOP(r);
        DISPATCH();
    send_returned:
        sp -= 2;
        PUSH(retv);
        ip = code->instrs + ARG();
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        SAVE_FRAME();
        BtValue it = bt_gen_awaitable(t, TOP(), (int)ARG());
        if (bt_is_undef(it))
            goto error;
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        SAVE_FRAME();
        BtValue it = get_aiter(t, TOP());
        if (bt_is_undef(it))
            goto error;
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        SAVE_FRAME();
        BtValue aw = get_anext(t, TOP());
        if (bt_is_undef(aw))
            goto error;
        PUSH(aw);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        /* [aiter, exc], pushed by the handler around GET_ANEXT and its await. */
        BtValue exc = TOP();
        if (bt_isinstance(t, exc, BT_EXC(t, StopAsyncIteration))) {
            sp -= 2;
            DISPATCH();
        }
        t->exc = POP();
        SAVE_FRAME();
        goto exception_unwind;
    }

    TARGET(RAISE_VARARGS) {
        SAVE_FRAME();
        uint32_t n = ARG();
        if (n == 0) {
            if (bt_is_undef(t->handled) || bt_is_none(t->handled)) {
                bt_raise(t, BT_EXC(t, RuntimeError), "No active exception to reraise");
                goto error;
            }
            t->exc = t->handled;
            goto exception_unwind;
        }
        BtValue cause = n == 2 ? TOP() : BT_UNDEF;
        BtValue exc = n == 2 ? PEEK(2) : TOP();
        do_raise(t, exc, cause);
        goto error;
    }

    TARGET(RERAISE) {
        t->exc = POP();
        SAVE_FRAME();
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        BtValue exc = TOP();
        SET_TOP(bt_is_undef(t->handled) ? BT_NONE : t->handled);
        t->handled = exc;
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        BtValue v = POP();
        t->handled = bt_is_none(v) ? BT_UNDEF : v;
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        SAVE_FRAME();
        int r = bt_exc_matches(t, PEEK(2), TOP());
        if (r < 0)
            goto error;
        if (r && TRACING()) /* this except clause takes it: "caught at line N" */
            bt_hook_emit(t, BT_EV_CAUGHT, f, (uint32_t)(ip - 1 - code->instrs), BT_UNDEF, PEEK(2));
        SET_TOP(bt_bool(r));
        DISPATCH();
    }

    TARGET(GET_LEN) {
        SAVE_FRAME();
        int64_t len = bt_len(t, TOP());
        if (len < 0)
            goto error;
        PUSH(bt_int(len));
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        bool mapping = bt_match_is_mapping(t, TOP());
        PUSH(bt_bool(mapping));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        bool sequence = bt_match_is_sequence(t, TOP());
        PUSH(bt_bool(sequence));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        SAVE_FRAME();
        BtValue values = bt_match_keys(t, PEEK(2), TOP());
        if (bt_is_undef(values))
            goto error;
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        /* The operands stay on the stack (rooted) while attributes are fetched. */
        SAVE_FRAME();
        BtValue attrs = bt_match_class(t, PEEK(3), PEEK(2), ARG(), TOP());
        if (bt_is_undef(attrs))
            goto error;
        sp -= 2;
        SET_TOP(attrs);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(bt_obj(BT_EXC(t, AssertionError)));
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        SAVE_FRAME();
        BtValue exit = BT_UNDEF;
        BtValue res = before_with(t, TOP(), &exit, false);
        if (bt_is_undef(res))
            goto error;
        SET_TOP(exit);
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        SAVE_FRAME();
        BtValue exit = BT_UNDEF;
        BtValue res = before_with(t, TOP(), &exit, true);
        if (bt_is_undef(res))
            goto error;
        SET_TOP(exit);
        PUSH(res); /* GET_AWAITABLE 1 and an await follow */
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        SAVE_FRAME();
        BtValue r = with_except_start(t, PEEK(3), TOP());
        if (bt_is_undef(r))
            goto error;
        PUSH(r);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        SAVE_FRAME();
        BtValue m = import_name(t, f, NAME(ARG()), PEEK(2), TOP());
        if (bt_is_undef(m))
            goto error;
        sp--;
        SET_TOP(m);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        SAVE_FRAME();
        BtValue v = bt_import_from(t, TOP(), NAME(ARG()));
        if (bt_is_undef(v))
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        SAVE_FRAME();
        if (!import_star(t, f, TOP()))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        SAVE_FRAME();
        if (!print_expr(t, TOP()))
            goto error;
        sp--;
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        BtDict *d = bt_frame_namespace(f);
        BtStr *name = bt_str_intern_cstr(t, "__annotations__");
        if (!name)
            goto error;
        if (bt_is_undef(bt_dict_get_str(d, name))) {
            BtDict *ann = bt_dict_new(t);
            if (!ann || !bt_dict_set_str(t, d, name, bt_obj(ann)))
                goto error;
        }
        DISPATCH();
    }

#if !BT_COMPUTED_GOTO
    default:
        bt_raise(t, BT_EXC(t, SystemError), "unknown opcode %d", (int)BT_INSTR_OP(instr));
        goto error;
    }
#endif

error:
    /* The instruction at ip-1 raised: record where, then look for a handler. */
    f->ip = ip;
    bt_exc_add_traceback(t, bt_obj(code), bt_code_line(code, (uint32_t)(ip - 1 - code->instrs)));
exception_unwind:
    for (;;) {
        uint32_t lasti = (uint32_t)(ip - 1 - code->instrs);
        const BtHandler *h = NULL;
        for (uint32_t i = 0; i < code->nhandlers; i++)
            if (lasti >= code->handlers[i].start && lasti < code->handlers[i].end) {
                h = &code->handlers[i];
                break;
            }
        if (h) {
            BtValue *stack_base = LOCALS + code->nlocals + code->ncells + code->nfrees;
            sp = stack_base + h->depth;
            PUSH(bt_take_exc(t));
            /* A bare `except:` (PUSH_EXC_INFO, POP_TOP) takes any exception:
             * report it caught now; a typed clause reports at CHECK_EXC_MATCH. */
            if (t->hook && h->target + 1 < code->ninstrs &&
                BT_INSTR_OP(code->instrs[h->target]) == BT_OP_PUSH_EXC_INFO &&
                BT_INSTR_OP(code->instrs[h->target + 1]) == BT_OP_POP_TOP) {
                SAVE_FRAME();
                bt_hook_emit(t, BT_EV_CAUGHT, f, h->target + 1, BT_UNDEF, sp[-1]);
            }
            ip = code->instrs + h->target;
            kwnames = NULL;
            DISPATCH();
        }
        /* No handler here: this frame is done; the exception moves to the caller. */
        SAVE_FRAME();
        if (t->hook)
            bt_hook_emit(t, BT_EV_EXCEPTION, f, lasti, BT_UNDEF, t->exc);
        BtGen *gen = bt_frame_gen(f);
        if (gen)
            bt_gen_raised(t, gen);
        bool was_entry = f == entry;
        pop_frame(t, f);
        if (was_entry) {
            t->c_depth--;
            return BT_UNDEF;
        }
        /* For the frame that resumed a generator inline, the exception (already
         * turned into RuntimeError by bt_gen_raised for PEP 479) is raised at
         * its FOR_ITER, SEND or CALL, like any other. */
        LOAD_FRAME();
        kwnames = NULL;
        bt_exc_add_traceback(t, bt_obj(code), bt_code_line(code, (uint32_t)(ip - 1 - code->instrs)));
        continue;
    }

exception_unwind_thrown:
    /* gen.throw() or a resume with an exception: raised at the yield, with a
     * traceback entry for the generator's frame. */
    bt_exc_add_traceback(t, bt_obj(code), bt_code_line(code, (uint32_t)(ip - 1 - code->instrs)));
    goto exception_unwind;
}
