/* gen.c: generator objects: send, throw, close and yield-from delegation
 * (vm stage; see gen.h and vm/README.md).
 *
 * Design notes. The eval loop does the running; this file decides whether a
 * generator may run, links its frame in (bt_gen_enter), and turns what the
 * loop reports back into Python's protocol: StopIteration carrying the
 * return value, PEP 479's RuntimeError, close() throwing GeneratorExit,
 * and throw()/close() passing through a `yield from` to the sub-iterator
 * (PEP 380) before touching the delegating frame.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/weakref.h"
#include "vm/gen_internal.h"
#include "vm/hook.h"
#include "vm/interp_internal.h"
#include "vm/list.h"
#include "vm/str.h"

static BtGen *as_gen(BtValue v) {
    return (BtGen *)bt_as_obj(v);
}

/* A generator or a coroutine (both resume through this file). */
static bool is_gen(BtThread *t, BtValue v) {
    return bt_is_genobj(t, v);
}

/* "generator", "coroutine" or "async generator", for the messages that name the kind. */
static const char *kind_name(const BtGen *gen) {
    return bt_gen_is_coro(gen)   ? "coroutine"
           : bt_gen_is_agen(gen) ? "async generator"
                                 : "generator";
}

/* ---- names that are not the code's ----
 * Few generators are named otherwise than their code (a function renamed
 * before the call, functools.wraps on a generator function, __name__ set on
 * the generator), so rather than a field in every generator, their names
 * live in a table on the interpreter, keyed by the generator, and a header
 * flag says whether to look. The collector drops an entry with its
 * generator. */

#define GEN_RENAMED 0x01 /* header flag: the generator has an entry */

struct BtRenamedGen {
    BtGen *gen;
    BtTuple *names; /* (__name__, __qualname__) */
};

static size_t renamed_home(const BtGen *gen, size_t cap) {
    return (size_t)(((uintptr_t)gen >> 4) * 0x9E3779B97F4A7C15u) & (cap - 1);
}

static struct BtRenamedGen *renamed_find(BtInterp *in, const BtGen *gen) {
    size_t cap = in->renamed_gens.cap;
    for (size_t i = renamed_home(gen, cap);; i = (i + 1) & (cap - 1)) {
        struct BtRenamedGen *e = &in->renamed_gens.slots[i];
        if (e->gen == gen || !e->gen)
            return e;
    }
}

static bool renamed_grow(BtInterp *in) {
    size_t cap = in->renamed_gens.cap ? in->renamed_gens.cap * 2 : 16;
    struct BtRenamedGen *old = in->renamed_gens.slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return false;
    size_t old_cap = in->renamed_gens.cap;
    in->renamed_gens.slots = slots;
    in->renamed_gens.cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].gen)
            *renamed_find(in, old[i].gen) = old[i];
    free(old);
    return true;
}

/* Give gen the names (name, qualname); false with MemoryError raised. */
static bool set_names(BtThread *t, BtGen *gen, BtValue name, BtValue qualname) {
    BtInterp *in = t->interp;
    BtValue pair[2] = {name, qualname};
    BtTuple *names = bt_tuple_from(t, pair, 2); /* the caller keeps gen and the names rooted */
    if (!names)
        return false;
    if ((in->renamed_gens.count + 1) * 2 > in->renamed_gens.cap && !renamed_grow(in)) {
        bt_raise_memory(t);
        return false;
    }
    struct BtRenamedGen *e = renamed_find(in, gen);
    if (!e->gen)
        in->renamed_gens.count++;
    *e = (struct BtRenamedGen){gen, names};
    gen->hdr.flags |= GEN_RENAMED;
    return true;
}

BtStr *bt_gen_name(BtInterp *in, const BtGen *g) {
    if (!(g->hdr.flags & GEN_RENAMED))
        return g->frame.code->name;
    return (BtStr *)bt_as_obj(renamed_find(in, g)->names->items[0]);
}

BtStr *bt_gen_qualname(BtInterp *in, const BtGen *g) {
    if (!(g->hdr.flags & GEN_RENAMED))
        return g->frame.code->qualname;
    return (BtStr *)bt_as_obj(renamed_find(in, g)->names->items[1]);
}

void bt_gen_mark_renamed(BtGc *gc) {
    BtInterp *in = gc->interp;
    for (size_t i = 0; i < in->renamed_gens.cap; i++)
        bt_gc_mark_obj(gc, (BtObject *)in->renamed_gens.slots[i].names);
}

void bt_gen_forget_unmarked(BtInterp *in) {
    struct BtRenamedGen *slots = in->renamed_gens.slots;
    size_t cap = in->renamed_gens.cap;
    for (size_t i = 0; i < cap; i++) {
        if (!slots[i].gen || slots[i].gen->hdr.gc_mark)
            continue;
        /* Delete by shifting back the entries of the run after it (no
         * tombstones), then look at slot i again: it may hold one of them. */
        size_t hole = i;
        for (size_t j = (hole + 1) & (cap - 1); slots[j].gen; j = (j + 1) & (cap - 1)) {
            size_t home = renamed_home(slots[j].gen, cap);
            bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
            if (!stays) {
                slots[hole] = slots[j];
                hole = j;
            }
        }
        slots[hole] = (struct BtRenamedGen){NULL, NULL};
        in->renamed_gens.count--;
        i--; /* unsigned wrap on 0 is undone by the loop's i++ */
    }
}

BtGen *bt_gen_new(BtThread *t, BtFunction *func) {
    BtCode *c = func->code;
    size_t nslots = (size_t)(c->nlocals + c->ncells + c->nfrees + c->stacksize);
    BtValue keep = bt_obj(func);
    BT_PUSH_ROOT(t, &keep);
    BtGen *gen = bt_gen_alloc_raw(t, sizeof(BtGen) + nslots * sizeof(BtValue));
    BT_POP_ROOT(t, 1);
    if (!gen)
        return NULL;
    if (c->flags & BT_CODE_COROUTINE)
        gen->hdr.type = BT_TYPE(t, coroutine);
    else if (c->flags & BT_CODE_ASYNC_GENERATOR)
        gen->hdr.type = BT_TYPE(t, async_generator);
    bt_gen_set_state(gen, BT_GEN_CREATED);
    gen->hdr.aux32 = ++c->ngens;
    gen->exc_state = BT_UNDEF;
    BtFrame *f = &gen->frame;
    f->code = c;
    f->globals = func->globals;
    f->sp = gen->slots + c->nlocals + c->ncells + c->nfrees;
    f->ip = c->instrs;
    if (func->name != c->name || func->qualname != c->qualname) {
        /* A renamed function (functools.wraps): keep its names as they are now. */
        BtValue g = bt_obj(gen);
        BT_PUSH_ROOT(t, &keep);
        BT_PUSH_ROOT(t, &g);
        bool ok = set_names(t, gen, bt_obj(func->name), bt_obj(func->qualname));
        BT_POP_ROOT(t, 2);
        if (!ok)
            return NULL;
    }
    return gen;
}

/* ---- what the eval loop calls ---- */

void bt_gen_finished(BtThread *t, BtGen *gen) {
    bt_gen_set_state(gen, BT_GEN_DONE);
    bt_gen_restore_handled(t, gen, false);
}

void bt_gen_raised(BtThread *t, BtGen *gen) {
    bt_gen_set_state(gen, BT_GEN_DONE);
    bt_gen_restore_handled(t, gen, false);
    bool async_stop = bt_gen_is_agen(gen) && bt_exc_pending_is(t, BT_EXC(t, StopAsyncIteration));
    if (async_stop || bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
        /* PEP 479: StopIteration must not leak out of a generator silently
         * (nor StopAsyncIteration out of an async generator, PEP 525). */
        BtValue stop = bt_take_exc(t);
        BT_PUSH_ROOT(t, &stop);
        bt_raise(t, BT_EXC(t, RuntimeError), "%s raised %s", kind_name(gen),
                 async_stop ? "StopAsyncIteration" : "StopIteration");
        BT_POP_ROOT(t, 1);
        if (bt_has_exc(t) && bt_is_obj(t->exc) &&
            bt_as_obj(t->exc)->type->layout == BT_LAYOUT_EXCEPTION) {
            BtException *e = (BtException *)bt_as_obj(t->exc);
            e->cause = stop;
            e->context = stop;
            e->suppress_context = true;
        }
    }
}

bool bt_coro_reused(BtThread *t) {
    bt_raise(t, BT_EXC(t, RuntimeError), "cannot reuse already awaited coroutine");
    return false;
}

BtResumeResult bt_gen_resume(BtThread *t, BtGen *gen, BtValue value, BtValue exc, BtValue *out) {
    if (bt_gen_state(gen) == BT_GEN_DONE && bt_gen_is_coro(gen)) {
        bt_coro_reused(t); /* a thrown exception is dropped for it, as in CPython */
        return BT_RESUME_RAISED;
    }
    if (bt_gen_state(gen) == BT_GEN_DONE) {
        if (!bt_is_undef(exc)) {
            bt_raise_value(t, exc);
            return BT_RESUME_RAISED;
        }
        *out = BT_NONE;
        return BT_RESUME_RETURNED;
    }
    BtValue keep = bt_obj(gen);
    BT_PUSH_ROOT(t, &keep);
    if (!bt_coro_may_enter(t, gen, value, exc) || !bt_gen_enter(t, gen, value, exc)) {
        BT_POP_ROOT(t, 1);
        return BT_RESUME_RAISED;
    }
    BtValue r = bt_eval_frame(t, &gen->frame);
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(r))
        return BT_RESUME_RAISED;
    *out = r;
    return bt_gen_state(gen) == BT_GEN_SUSPENDED ? BT_RESUME_YIELDED : BT_RESUME_RETURNED;
}

/* ---- yield from ---- */

/* Suspended inside `yield from` or `await`? Then its next instruction is RESUME 2 (3) and
 * the sub-iterator is on top of its stack. */
BtValue bt_gen_yieldfrom(BtGen *gen) {
    if (bt_gen_state(gen) != BT_GEN_SUSPENDED)
        return BT_UNDEF;
    BtInstr next = gen->frame.ip[0];
    if (BT_INSTR_OP(next) == BT_OP_RESUME && BT_INSTR_ARG(next) >= 2) /* 3: await */
        return gen->frame.sp[-1];
    return BT_UNDEF;
}

/* The delegating frame must go on as if its SEND saw the sub-iterator return
 * r: drop the sub-iterator, push r, continue after the yield-from loop. */
static void finish_yield_from(BtGen *gen, BtValue r) {
    BtFrame *f = &gen->frame;
    BtInstr send = f->ip[-2]; /* SEND end; YIELD_VALUE; RESUME 2 <- ip */
    f->sp[-1] = r;
    f->ip = f->code->instrs + BT_INSTR_ARG(send);
    /* The frame resumes at `end` with r on top: no value is pushed for it. */
    bt_gen_set_state(gen, BT_GEN_SUSPENDED);
}

/* Close a sub-iterator during close(): gen.close() or a `close` method. */
static bool close_subiterator(BtThread *t, BtValue sub) {
    if (is_gen(t, sub))
        return !bt_is_undef(bt_gen_close(t, as_gen(sub)));
    BtValue meth = bt_getattr_opt(t, sub, BT_NAME(t, close));
    if (bt_is_undef(meth))
        return !bt_has_exc(t);
    return !bt_is_undef(bt_call(t, meth, NULL, 0, NULL));
}

/* Resume gen so that it continues after its pending SEND (value r), without
 * pushing anything, and report the outcome. */
static BtResumeResult resume_after_yield_from(BtThread *t, BtGen *gen, BtValue r, BtValue *out) {
    finish_yield_from(gen, r);
    BtFrame *f = &gen->frame;
    /* bt_gen_enter would push a sent value; the value is already in place. */
    f->sp--;
    return bt_gen_resume(t, gen, *(f->sp), BT_UNDEF, out);
}

static BtValue make_thrown(BtThread *t, BtValue *args, int nargs);

/* Is the thrown type or instance a GeneratorExit? */
static bool throws_generator_exit(BtThread *t, BtValue typ) {
    BtType *ge = BT_EXC(t, GeneratorExit);
    if (bt_is_obj(typ) && bt_as_obj(typ)->type == BT_TYPE(t, type))
        return bt_issubtype((BtType *)bt_as_obj(typ), ge);
    return bt_isinstance(t, typ, ge);
}

/* throw(*args) into gen, delegating through yield from (PEP 380). As in
 * CPython, the arguments reach a delegate's own throw() as given; they are
 * made into an exception only where one is raised. A GeneratorExit closes
 * the delegate when close_sub (CPython's close_on_genexit), else it is thrown
 * into it like any exception (an async generator's athrow()/aclose()). */
static BtResumeResult gen_throw_ex(BtThread *t, BtGen *gen, BtValue *args, int nargs,
                                   BtValue *out, bool close_sub) {
    BtValue sub = bt_gen_yieldfrom(gen);
    if (!bt_is_undef(sub)) {
        BtValue keep_sub = sub;
        BT_PUSH_ROOT(t, &keep_sub);
        BtResumeResult rr;
        if (close_sub && throws_generator_exit(t, args[0])) {
            /* close() the sub-iterator, then raise GeneratorExit in gen. */
            bt_gen_set_state(gen, BT_GEN_RUNNING);
            bool ok = close_subiterator(t, sub);
            bt_gen_set_state(gen, BT_GEN_SUSPENDED);
            BtValue exc = ok ? make_thrown(t, args, nargs) : BT_UNDEF;
            rr = bt_gen_resume(t, gen, BT_NONE, bt_is_undef(exc) ? bt_take_exc(t) : exc, out);
        } else if (is_gen(t, sub)) {
            bt_gen_set_state(gen, BT_GEN_RUNNING);
            BtValue v;
            BtResumeResult sr = gen_throw_ex(t, as_gen(sub), args, nargs, &v, close_sub);
            bt_gen_set_state(gen, BT_GEN_SUSPENDED);
            if (sr == BT_RESUME_YIELDED) {
                *out = v;
                rr = BT_RESUME_YIELDED;
            } else if (sr == BT_RESUME_RETURNED) {
                rr = resume_after_yield_from(t, gen, v, out);
            } else {
                rr = bt_gen_resume(t, gen, BT_NONE, bt_take_exc(t), out);
            }
        } else {
            BtValue meth = bt_getattr_opt(t, sub, BT_NAME(t, throw));
            if (bt_is_undef(meth)) {
                BtValue exc = bt_has_exc(t) ? BT_UNDEF : make_thrown(t, args, nargs);
                rr = bt_gen_resume(t, gen, BT_NONE, bt_is_undef(exc) ? bt_take_exc(t) : exc, out);
            } else {
                bt_gen_set_state(gen, BT_GEN_RUNNING);
                BtValue v = bt_call(t, meth, args, nargs, NULL);
                bt_gen_set_state(gen, BT_GEN_SUSPENDED);
                if (!bt_is_undef(v)) {
                    *out = v;
                    rr = BT_RESUME_YIELDED;
                } else if (bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
                    BtValue stop = bt_take_exc(t);
                    BtTuple *a = ((BtException *)bt_as_obj(stop))->args;
                    rr = resume_after_yield_from(t, gen, a->len ? a->items[0] : BT_NONE, out);
                } else {
                    rr = bt_gen_resume(t, gen, BT_NONE, bt_take_exc(t), out);
                }
            }
        }
        BT_POP_ROOT(t, 1);
        return rr;
    }
    /* Raised at the yield (or, before it started, at the def line); invalid
     * arguments raise TypeError from throw() itself. */
    BtValue exc = make_thrown(t, args, nargs);
    if (bt_is_undef(exc))
        return BT_RESUME_RAISED;
    BT_PUSH_ROOT(t, &exc);
    BtResumeResult rr = bt_gen_resume(t, gen, BT_NONE, exc, out);
    BT_POP_ROOT(t, 1);
    return rr;
}

static BtResumeResult gen_throw_exc(BtThread *t, BtGen *gen, BtValue *args, int nargs,
                                    BtValue *out) {
    return gen_throw_ex(t, gen, args, nargs, out, true);
}

/* ---- closing generators nobody can reach ---- */

bool bt_gen_needs_close(const BtGen *gen) {
    if (bt_gen_state(gen) != BT_GEN_SUSPENDED)
        return false;
    const BtCode *c = gen->frame.code;
    uint32_t lasti = (uint32_t)(gen->frame.ip - c->instrs - 1);
    for (uint32_t i = 0; i < c->nhandlers; i++)
        if (lasti >= c->handlers[i].start && lasti < c->handlers[i].end)
            return true;
    return false;
}

void bt_gen_run_pending_closes(BtThread *t) {
    BtHeap *h = &t->interp->heap;
    BtValue saved = bt_take_exc(t);
    BT_PUSH_ROOT(t, &saved);
    /* First in, first out; closing may queue more (a collection can run). */
    while (h->nto_close > 0) {
        BtValue g = bt_obj(h->to_close[0]);
        memmove(h->to_close, h->to_close + 1, (h->nto_close - 1) * sizeof *h->to_close);
        h->nto_close--;
        BT_PUSH_ROOT(t, &g);
        if (!bt_is_framed_gen(t, g))
            bt_weakref_fire(t, g); /* the other kind queued: a weakref's callback */
        else if (bt_is_undef(bt_gen_close(t, as_gen(g))))
            bt_exc_report_unraisable(t, "in", g, bt_take_exc(t));
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 1);
    t->exc = saved;
}

/* ---- the Python-visible methods ---- */

BtValue bt_gen_next(BtThread *t, BtGen *gen) {
    BtValue out;
    switch (bt_gen_resume(t, gen, BT_NONE, BT_UNDEF, &out)) {
    case BT_RESUME_YIELDED:
        return out;
    case BT_RESUME_RETURNED:
        bt_raise_stop_iteration(t, out);
        return BT_UNDEF;
    case BT_RESUME_RAISED:
        break;
    }
    return BT_UNDEF;
}

/* The type's next slot: a plain `return` is reported without a StopIteration
 * object; a return value rides on one, for whoever wraps the generator. */
static BtValue gen_next_slot(BtThread *t, BtValue self) {
    BtValue out;
    switch (bt_gen_resume(t, as_gen(self), BT_NONE, BT_UNDEF, &out)) {
    case BT_RESUME_YIELDED:
        return out;
    case BT_RESUME_RETURNED:
        if (!bt_is_none(out))
            bt_raise_stop_iteration(t, out);
        return BT_UNDEF;
    case BT_RESUME_RAISED:
        break;
    }
    return BT_UNDEF;
}

static BtValue gen_iter_slot(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

static BtValue result_to_value(BtThread *t, BtResumeResult r, BtValue out) {
    if (r == BT_RESUME_YIELDED)
        return out;
    if (r == BT_RESUME_RETURNED)
        bt_raise_stop_iteration(t, out);
    return BT_UNDEF;
}

BtValue bt_gen_send_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                           BtTuple *kwnames) {
    if (!bt_check_args(t, "generator.send", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue out = BT_UNDEF;
    BtResumeResult r = bt_gen_resume(t, as_gen(self), args[0], BT_UNDEF, &out);
    return result_to_value(t, r, out);
}

static BtValue gen_next_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__next__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_gen_next(t, as_gen(self));
}

static BtValue gen_iter_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__iter__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return self;
}

/* The exception throw(typ[, val[, tb]]) means. */
static BtValue make_thrown(BtThread *t, BtValue *args, int nargs) {
    BtValue typ = args[0];
    BtValue val = nargs > 1 ? args[1] : BT_NONE;
    BtValue tb = nargs > 2 ? args[2] : BT_NONE;
    if (!bt_is_none(tb) && !(bt_is_obj(tb) && bt_as_obj(tb)->type == BT_TYPE(t, traceback))) {
        bt_raise(t, BT_EXC(t, TypeError), "throw() third argument must be a traceback object");
        return BT_UNDEF;
    }
    BtValue exc;
    if (bt_is_obj(typ) && bt_as_obj(typ)->type == BT_TYPE(t, type) &&
        bt_issubtype((BtType *)bt_as_obj(typ), BT_EXC(t, BaseException))) {
        if (!bt_is_none(val) && bt_isinstance(t, val, (BtType *)bt_as_obj(typ)))
            exc = val;
        else if (bt_is_none(val))
            exc = bt_call(t, typ, NULL, 0, NULL);
        else if (bt_is_obj(val) && bt_as_obj(val)->type == BT_TYPE(t, tuple))
            exc = bt_call(t, typ, ((BtTuple *)bt_as_obj(val))->items, (int)((BtTuple *)bt_as_obj(val))->len,
                          NULL);
        else
            exc = bt_call(t, typ, &val, 1, NULL);
        if (!bt_is_undef(exc) && !(bt_is_obj(exc) && bt_as_obj(exc)->type->layout == BT_LAYOUT_EXCEPTION)) {
            /* a __new__ that returned something else */
            bt_raise(t, BT_EXC(t, TypeError),
                     "calling %R should have returned an instance of BaseException, not %s", typ,
                     bt_type_name(t, exc));
            return BT_UNDEF;
        }
    } else if (bt_is_obj(typ) && bt_as_obj(typ)->type->layout == BT_LAYOUT_EXCEPTION) {
        if (!bt_is_none(val)) {
            bt_raise(t, BT_EXC(t, TypeError), "instance exception may not have a separate value");
            return BT_UNDEF;
        }
        exc = typ;
    } else {
        bt_raise(t, BT_EXC(t, TypeError),
                 "exceptions must be classes or instances deriving from BaseException, not %s",
                 bt_type_name(t, typ));
        return BT_UNDEF;
    }
    if (!bt_is_undef(exc) && !bt_is_none(tb))
        ((BtException *)bt_as_obj(exc))->traceback = tb;
    return exc;
}

static BtValue gen_throw(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "generator.throw", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    BtValue out = BT_UNDEF;
    BtResumeResult r = gen_throw_exc(t, as_gen(self), args, nargs, &out);
    return result_to_value(t, r, out);
}

BtValue bt_gen_close(BtThread *t, BtGen *gen) {
    if (bt_gen_state(gen) == BT_GEN_CREATED) {
        bt_gen_set_state(gen, BT_GEN_DONE);
        return BT_NONE;
    }
    if (bt_gen_state(gen) == BT_GEN_DONE)
        return BT_NONE;
    BtValue exc = BT_UNDEF;
    bt_raise_empty(t, BT_EXC(t, GeneratorExit));
    exc = bt_take_exc(t);
    if (bt_is_undef(exc))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &exc);
    BtValue out;
    BtResumeResult r = gen_throw_exc(t, gen, &exc, 1, &out);
    BT_POP_ROOT(t, 1);
    if (r == BT_RESUME_YIELDED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "%s ignored GeneratorExit", kind_name(gen));
        return BT_UNDEF;
    }
    if (r == BT_RESUME_RAISED) {
        if (bt_exc_pending_is(t, BT_EXC(t, GeneratorExit)) ||
            bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
            bt_take_exc(t);
            return BT_NONE;
        }
        return BT_UNDEF;
    }
    return BT_NONE;
}

static BtValue gen_close(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "generator.close", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_gen_close(t, as_gen(self));
}

static const BtNativeDef gen_methods[] = {
    {"send", bt_gen_send_method},
    {"throw", gen_throw},
    {"close", gen_close},
    {"__next__", gen_next_method},
    {"__iter__", gen_iter_method},
    {NULL, NULL},
};

const char *bt_gen_state_name(BtValue gen) {
    bool coro = bt_gen_is_coro(as_gen(gen));
    switch (bt_gen_state(as_gen(gen))) {
    case BT_GEN_CREATED:
        return coro ? "CORO_CREATED" : "GEN_CREATED";
    case BT_GEN_RUNNING:
        return coro ? "CORO_RUNNING" : "GEN_RUNNING";
    case BT_GEN_SUSPENDED:
        return coro ? "CORO_SUSPENDED" : "GEN_SUSPENDED";
    case BT_GEN_DONE:
        break;
    }
    return coro ? "CORO_CLOSED" : "GEN_CLOSED";
}

/* ---- the frame objects behind gi_frame ---- */

typedef struct {
    BtObject hdr;
    BtGen *gen; /* the generator whose frame this shows */
} BtFrameObject;

static void frameobj_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtFrameObject *)o)->gen);
}

static int frame_lineno(const BtFrame *f) {
    if (f->ip <= f->code->instrs)
        return f->code->firstlineno;
    return bt_code_line(f->code, (uint32_t)(f->ip - f->code->instrs - 1));
}

BtValue bt_frame_var(BtThread *t, const BtFrame *f, int i, BtStr **name) {
    const BtCode *c = f->code;
    BtTuple *names = c->varnames;
    int j = i;
    if (i >= c->nlocals + c->ncells) {
        names = c->freevars;
        j = i - c->nlocals - c->ncells;
    } else if (i >= c->nlocals) {
        names = c->cellvars;
        j = i - c->nlocals;
    }
    *name = bt_as_str(names->items[j]);
    BtValue v = bt_frame_slots(f)[i];
    if (i >= c->nlocals && bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, cell))
        v = ((BtCell *)bt_as_obj(v))->value;
    return v;
}

BtDict *bt_frame_variables(BtThread *t, const BtFrame *f) {
    BtDict *d = bt_dict_new(t);
    if (!d)
        return NULL;
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    const BtCode *c = f->code;
    bool ok = true;
    for (int i = 0; ok && i < c->nlocals + c->ncells + c->nfrees; i++) {
        BtStr *name;
        BtValue v = bt_frame_var(t, f, i, &name);
        if (!bt_is_undef(v))
            ok = bt_dict_set_str(t, d, name, v);
    }
    BT_POP_ROOT(t, 1);
    return ok ? d : NULL;
}

static BtValue frameobj_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtGen *gen = ((BtFrameObject *)bt_as_obj(self))->gen;
    const BtFrame *f = &gen->frame;
    const char *n = name->data;
    if (strcmp(n, "f_lineno") == 0)
        return bt_int(frame_lineno(f));
    if (strcmp(n, "f_locals") == 0) {
        BtDict *d = bt_frame_variables(t, f);
        return d ? bt_obj(d) : BT_UNDEF;
    }
    if (strcmp(n, "f_code") == 0)
        return bt_obj(f->code);
    if (strcmp(n, "f_globals") == 0)
        return bt_obj(f->globals);
    if (strcmp(n, "f_lasti") == 0)
        return bt_int(f->ip > f->code->instrs ? (int64_t)(f->ip - f->code->instrs - 1) : -1);
    if (strcmp(n, "f_back") == 0)
        return BT_NONE;
    return bt_generic_getattr(t, self, name);
}

static BtValue frameobj_repr(BtThread *t, BtValue self) {
    BtGen *gen = ((BtFrameObject *)bt_as_obj(self))->gen;
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    return bt_obj(bt_str_format(t, "<frame at %s, file '%S', line %d, code %S>", addr,
                                gen->frame.code->filename, frame_lineno(&gen->frame),
                                gen->frame.code->name));
}

/* ---- the generator type ---- */

static void gen_trace(BtGc *gc, BtObject *o) {
    BtGen *gen = (BtGen *)o;
    bt_gc_mark(gc, gen->exc_state);
    if (bt_gen_state(gen) != BT_GEN_DONE)
        bt_gc_mark_frame(gc, &gen->frame);
    else {
        bt_gc_mark_obj(gc, (BtObject *)gen->frame.code);
        bt_gc_mark_obj(gc, (BtObject *)gen->frame.globals);
    }
}

static BtValue gen_repr(BtThread *t, BtValue self) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    return bt_obj(bt_str_format(t, "<%S object %S at %s>", bt_as_obj(self)->type->name,
                                bt_gen_qualname(t->interp, as_gen(self)), addr));
}

/* The gi_* attributes are getters in the type's dict, so dir() lists them. */
#define GEN_GETTER(name)                                                                           \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {  \
        (void)self, (void)nargs, (void)kwnames;                                                    \
        return name##_of(t, as_gen(args[0]));                                                      \
    }

static BtValue gi_running_of(BtThread *t, BtGen *gen) {
    (void)t;
    return bt_bool(bt_gen_state(gen) == BT_GEN_RUNNING);
}
static BtValue gi_suspended_of(BtThread *t, BtGen *gen) {
    (void)t;
    return bt_bool(bt_gen_state(gen) == BT_GEN_SUSPENDED);
}
static BtValue gi_code_of(BtThread *t, BtGen *gen) {
    (void)t;
    return bt_obj(gen->frame.code);
}
static BtValue gi_frame_of(BtThread *t, BtGen *gen) {
    if (bt_gen_state(gen) == BT_GEN_DONE)
        return BT_NONE;
    BtFrameObject *fo = bt_gc_alloc(t, BT_TYPE(t, frame), sizeof(BtFrameObject));
    if (!fo)
        return BT_UNDEF;
    fo->gen = gen;
    return bt_obj(fo);
}
static BtValue gi_yieldfrom_of(BtThread *t, BtGen *gen) {
    (void)t;
    BtValue sub = bt_gen_yieldfrom(gen);
    return bt_is_undef(sub) ? BT_NONE : sub;
}
GEN_GETTER(gi_running)
GEN_GETTER(gi_suspended)
GEN_GETTER(gi_code)
GEN_GETTER(gi_frame)
GEN_GETTER(gi_yieldfrom)

static BtValue gen_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtGen *gen = as_gen(self);
    if (name == BT_NAME(t, dunder_name))
        return bt_obj(bt_gen_name(t->interp, gen));
    if (name == BT_NAME(t, dunder_qualname))
        return bt_obj(bt_gen_qualname(t->interp, gen));
    return bt_generic_getattr(t, self, name);
}

static bool gen_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    BtGen *gen = as_gen(self);
    const char *prefix = bt_gen_is_coro(gen) ? "cr_" : bt_gen_is_agen(gen) ? "ag_" : "gi_";
    if (strncmp(name->data, prefix, 3) == 0) {
        bt_raise(t, BT_EXC(t, AttributeError), "attribute '%S' of '%S' objects is not writable",
                 name, bt_as_obj(self)->type->name);
        return false;
    }
    if (name == BT_NAME(t, dunder_name) || name == BT_NAME(t, dunder_qualname)) {
        if (!bt_is_str(t, v)) {
            bt_raise(t, BT_EXC(t, TypeError), "%S must be set to a string object", name);
            return false;
        }
        bool is_name = name == BT_NAME(t, dunder_name);
        /* self and v are arguments, still rooted */
        return set_names(t, gen, is_name ? v : bt_obj(bt_gen_name(t->interp, gen)),
                         is_name ? bt_obj(bt_gen_qualname(t->interp, gen)) : v);
    }
    return bt_generic_setattr(t, self, name, v);
}

static BtValue cr_origin(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)t, (void)self, (void)args, (void)nargs, (void)kwnames;
    return BT_NONE; /* sys.set_coroutine_origin_tracking_depth is never on */
}

/* ---- coroutines: await and its wrapper ---- */

static bool is_coro(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, coroutine);
}

/* A generator of a types.coroutine function: await takes it as it is. */
static bool is_iterable_coro(BtThread *t, BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, generator) &&
           (as_gen(v)->frame.code->flags & BT_CODE_ITERABLE_COROUTINE);
}

BtValue bt_gen_awaitable(BtThread *t, BtValue v, int where) {
    if (is_coro(t, v)) {
        if (!bt_is_undef(bt_gen_yieldfrom(as_gen(v)))) {
            bt_raise(t, BT_EXC(t, RuntimeError), "coroutine is being awaited already");
            return BT_UNDEF;
        }
        return v;
    }
    if (is_iterable_coro(t, v))
        return v;
    BtType *ty = bt_type_of(t, v);
    BtValue meth = bt_type_lookup(ty, BT_NAME(t, dunder_await));
    if (bt_is_undef(meth)) {
        if (where)
            bt_raise(t, BT_EXC(t, TypeError),
                     "'async with' received an object from %s that does not implement __await__: "
                     "%s",
                     where == 1 ? "__aenter__" : "__aexit__", ty->name->data);
        else
            bt_raise(t, BT_EXC(t, TypeError), "object %s can't be used in 'await' expression",
                     ty->name->data);
        return BT_UNDEF;
    }
    BtValue r = bt_call(t, meth, &v, 1, NULL);
    if (bt_is_undef(r))
        return BT_UNDEF;
    if (is_coro(t, r) || is_iterable_coro(t, r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__await__() returned a coroutine");
        return BT_UNDEF;
    }
    BtType *rt = bt_type_of(t, r);
    if (!rt->next || ((rt->flags & BT_TYPE_HEAPTYPE) &&
                      bt_is_undef(bt_type_lookup(rt, BT_NAME(t, dunder_next))))) {
        bt_raise(t, BT_EXC(t, TypeError), "__await__() returned non-iterator of type '%s'",
                 rt->name->data);
        return BT_UNDEF;
    }
    return r;
}

/* coro.__await__() hands out a coroutine_wrapper: an iterator over the
 * coroutine, for an __await__ written in Python (`return coro.__await__()`). */
typedef struct {
    BtObject hdr;
    BtGen *coro;
} BtCoroWrapper;

static BtGen *wrapped_coro(BtValue w) {
    return ((BtCoroWrapper *)bt_as_obj(w))->coro;
}

static void coro_wrapper_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtCoroWrapper *)o)->coro);
}

static BtValue coro_await(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__await__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtCoroWrapper *w = bt_gc_alloc(t, BT_TYPE(t, coroutine_wrapper), sizeof(BtCoroWrapper));
    if (!w)
        return BT_UNDEF;
    w->coro = as_gen(self);
    return bt_obj(w);
}

static BtValue coro_wrapper_next_slot(BtThread *t, BtValue self) {
    return gen_next_slot(t, bt_obj(wrapped_coro(self)));
}

static BtValue coro_wrapper_send(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    return bt_gen_send_method(t, bt_obj(wrapped_coro(self)), args, nargs, kwnames);
}

static BtValue coro_wrapper_throw(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    return gen_throw(t, bt_obj(wrapped_coro(self)), args, nargs, kwnames);
}

static BtValue coro_wrapper_close(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    return gen_close(t, bt_obj(wrapped_coro(self)), args, nargs, kwnames);
}

static BtValue coro_wrapper_next(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    return gen_next_method(t, bt_obj(wrapped_coro(self)), args, nargs, kwnames);
}

static BtValue coro_wrapper_repr(BtThread *t, BtValue self) {
    char addr[32];
    snprintf(addr, sizeof addr, "%p", (void *)bt_as_obj(self));
    return bt_obj(bt_str_format(t, "<coroutine_wrapper object at %s>", addr));
}

static const BtNativeDef coro_methods[] = {
    {"send", bt_gen_send_method},
    {"throw", gen_throw},
    {"close", gen_close},
    {"__await__", coro_await},
    {NULL, NULL},
};

static const BtNativeDef coro_wrapper_methods[] = {
    {"send", coro_wrapper_send},
    {"throw", coro_wrapper_throw},
    {"close", coro_wrapper_close},
    {"__next__", coro_wrapper_next},
    {"__iter__", gen_iter_method},
    {NULL, NULL},
};

static bool init_coroutine_types(BtThread *t) {
    BtType *c = BT_TYPE(t, coroutine);
    c->instance_size = sizeof(BtGen);
    c->flags |= BT_TYPE_METHODS_FIRST | BT_TYPE_FRAMED;
    c->trace = gen_trace;
    c->repr = gen_repr;
    c->getattr = gen_getattr;
    c->setattr = gen_setattr;
    BtType *w = BT_TYPE(t, coroutine_wrapper);
    w->instance_size = sizeof(BtCoroWrapper);
    w->trace = coro_wrapper_trace;
    w->repr = coro_wrapper_repr;
    w->iter = gen_iter_slot;
    w->next = coro_wrapper_next_slot;
    return bt_type_add_methods(t, c, coro_methods) &&
           bt_type_add_getter(t, c, "cr_running", gi_running) &&
           bt_type_add_getter(t, c, "cr_suspended", gi_suspended) &&
           bt_type_add_getter(t, c, "cr_code", gi_code) &&
           bt_type_add_getter(t, c, "cr_frame", gi_frame) &&
           bt_type_add_getter(t, c, "cr_await", gi_yieldfrom) &&
           bt_type_add_getter(t, c, "cr_origin", cr_origin) &&
           bt_type_add_methods(t, w, coro_wrapper_methods);
}

/* ---- async generators (PEP 525) ----
 * An async generator's frame is a generator's; only what drives it differs.
 * `__anext__()`/`asend(v)` and `athrow(...)`/`aclose()` hand out awaitables
 * (asend and athrow objects) whose every step resumes the frame once: a value
 * the frame yields itself (its next instruction is RESUME 1) ends the step
 * with StopIteration(value), the "result" of the await; a value yielded by an
 * `await` inside (RESUME 3) passes through to whoever drives the awaiting
 * coroutine; a return is StopAsyncIteration. CPython wraps the first kind of
 * value in an object (ASYNC_GEN_WRAP); Baton reads the frame instead. */

#define AGEN_RUNNING_ASYNC 0x02 /* header flag: one of its awaitables is being run (ag_running) */
#define AGEN_CLOSED 0x04        /* header flag: it ended (StopAsyncIteration) or was closed */

typedef enum { AW_INIT, AW_ITER, AW_CLOSED } BtAwaitState; /* in the awaitable's hdr.aux8[0] */

typedef struct {
    BtObject hdr;
    BtGen *gen;
    BtValue arg; /* asend: the value to send first; athrow: throw()'s arguments as a tuple,
                    or BT_UNDEF for aclose() */
} BtAGenAwait;

static BtAGenAwait *as_await(BtValue v) {
    return (BtAGenAwait *)bt_as_obj(v);
}

static void agen_await_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark_obj(gc, (BtObject *)((BtAGenAwait *)o)->gen);
    bt_gc_mark(gc, ((BtAGenAwait *)o)->arg);
}

/* Did gen's last step stop at a `yield` of its own (not inside an await)? */
static bool agen_yielded_itself(const BtGen *gen) {
    if (bt_gen_state(gen) != BT_GEN_SUSPENDED)
        return false;
    BtInstr next = gen->frame.ip[0];
    return BT_INSTR_OP(next) == BT_OP_RESUME && BT_INSTR_ARG(next) == 1;
}

static void agen_set(BtGen *gen, uint8_t flag, bool on) {
    gen->hdr.flags = (uint8_t)(on ? gen->hdr.flags | flag : gen->hdr.flags & ~flag);
}

/* CPython's async_gen_unwrap: what one step of gen that ended with rr (out)
 * gives the awaiter: a passed-through value, or BT_UNDEF with StopIteration(v)
 * for its own `yield v`, StopAsyncIteration for a return, or its exception. */
static BtValue agen_unwrap(BtThread *t, BtGen *gen, BtResumeResult rr, BtValue out) {
    if (rr == BT_RESUME_YIELDED && !agen_yielded_itself(gen))
        return out;
    agen_set(gen, AGEN_RUNNING_ASYNC, false);
    if (rr == BT_RESUME_YIELDED) {
        bt_raise_stop_iteration(t, out);
        return BT_UNDEF;
    }
    if (rr == BT_RESUME_RETURNED)
        bt_raise_empty(t, BT_EXC(t, StopAsyncIteration));
    if (bt_exc_pending_is(t, BT_EXC(t, StopAsyncIteration)) ||
        bt_exc_pending_is(t, BT_EXC(t, GeneratorExit)))
        agen_set(gen, AGEN_CLOSED, true);
    return BT_UNDEF;
}

static BtValue agen_await_new(BtThread *t, BtType *type, BtValue gen, BtValue arg) {
    BtValue keep[2] = {gen, arg};
    BT_PUSH_ROOT(t, &keep[0]);
    BT_PUSH_ROOT(t, &keep[1]);
    BtAGenAwait *a = bt_gc_alloc(t, type, sizeof(BtAGenAwait));
    BT_POP_ROOT(t, 2);
    if (!a)
        return BT_UNDEF;
    a->hdr.aux8[0] = AW_INIT;
    a->gen = as_gen(keep[0]);
    a->arg = keep[1];
    return bt_obj(a);
}

static BtValue agen_anext(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__anext__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return agen_await_new(t, BT_TYPE(t, agen_asend), self, BT_NONE);
}

static BtValue agen_asend(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "asend", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return agen_await_new(t, BT_TYPE(t, agen_asend), self, args[0]);
}

static BtValue agen_athrow(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "athrow", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    BtTuple *a = bt_tuple_from(t, args, (size_t)nargs); /* self and args are rooted by the call */
    return a ? agen_await_new(t, BT_TYPE(t, agen_athrow), self, bt_obj(a)) : BT_UNDEF;
}

static BtValue agen_aclose(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "aclose", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return agen_await_new(t, BT_TYPE(t, agen_athrow), self, BT_UNDEF);
}

static BtValue agen_aiter(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__aiter__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return self;
}

static BtValue ag_running_of(BtThread *t, BtGen *gen) {
    (void)t;
    return bt_bool(gen->hdr.flags & AGEN_RUNNING_ASYNC);
}
GEN_GETTER(ag_running)

/* asend.send(v): one step of __anext__()/asend(v). */
static BtValue asend_send_value(BtThread *t, BtValue self, BtValue v) {
    BtAGenAwait *a = as_await(self);
    if (a->hdr.aux8[0] == AW_CLOSED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot reuse already awaited __anext__()/asend()");
        return BT_UNDEF;
    }
    if (a->hdr.aux8[0] == AW_INIT) {
        if (a->gen->hdr.flags & AGEN_RUNNING_ASYNC) {
            bt_raise(t, BT_EXC(t, RuntimeError),
                     "anext(): asynchronous generator is already running");
            return BT_UNDEF;
        }
        if (bt_is_none(v))
            v = a->arg;
        a->hdr.aux8[0] = AW_ITER;
    }
    agen_set(a->gen, AGEN_RUNNING_ASYNC, true);
    BtValue out = BT_UNDEF;
    BtResumeResult rr = bt_gen_resume(t, a->gen, v, BT_UNDEF, &out);
    BtValue r = agen_unwrap(t, a->gen, rr, out);
    if (bt_is_undef(r))
        a->hdr.aux8[0] = AW_CLOSED;
    return r;
}

static BtValue asend_send(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "send", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return asend_send_value(t, self, args[0]);
}

static BtValue asend_next_slot(BtThread *t, BtValue self) {
    return asend_send_value(t, self, BT_NONE);
}

static BtValue asend_throw(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "throw", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    BtAGenAwait *a = as_await(self);
    if (a->hdr.aux8[0] == AW_CLOSED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot reuse already awaited __anext__()/asend()");
        return BT_UNDEF;
    }
    BtValue out = BT_UNDEF;
    BtResumeResult rr = gen_throw_exc(t, a->gen, args, nargs, &out);
    BtValue r = agen_unwrap(t, a->gen, rr, out);
    if (bt_is_undef(r))
        a->hdr.aux8[0] = AW_CLOSED;
    return r;
}

static BtValue agen_await_close(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "close", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    as_await(self)->hdr.aux8[0] = AW_CLOSED;
    return BT_NONE;
}

static BtValue agen_await_self(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)t, (void)args, (void)nargs, (void)kwnames;
    return self;
}

/* An athrow/aclose step ended (rr, out): aclose() turns the generator's end
 * into StopIteration and refuses a value yielded in answer to GeneratorExit;
 * athrow() unwraps as asend does. */
static BtValue athrow_result(BtThread *t, BtAGenAwait *a, BtResumeResult rr, BtValue out) {
    BtGen *gen = a->gen;
    if (!bt_is_undef(a->arg)) {
        BtValue r = agen_unwrap(t, gen, rr, out);
        return r;
    }
    if (rr == BT_RESUME_YIELDED && !agen_yielded_itself(gen))
        return out;
    agen_set(gen, AGEN_RUNNING_ASYNC, false);
    a->hdr.aux8[0] = AW_CLOSED;
    if (rr == BT_RESUME_YIELDED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "async generator ignored GeneratorExit");
        return BT_UNDEF;
    }
    if (rr == BT_RESUME_RETURNED || bt_exc_pending_is(t, BT_EXC(t, StopAsyncIteration)) ||
        bt_exc_pending_is(t, BT_EXC(t, GeneratorExit))) {
        bt_take_exc(t);
        bt_raise_empty(t, BT_EXC(t, StopIteration));
    }
    return BT_UNDEF;
}

/* athrow.send(v): CPython's async_gen_athrow_send. */
static BtValue athrow_send_value(BtThread *t, BtValue self, BtValue v) {
    BtAGenAwait *a = as_await(self);
    BtGen *gen = a->gen;
    bool closing = bt_is_undef(a->arg);
    if (a->hdr.aux8[0] == AW_CLOSED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot reuse already awaited aclose()/athrow()");
        return BT_UNDEF;
    }
    if (bt_gen_state(gen) == BT_GEN_DONE) {
        a->hdr.aux8[0] = AW_CLOSED;
        bt_raise_empty(t, BT_EXC(t, StopIteration));
        return BT_UNDEF;
    }
    BtValue out = BT_UNDEF;
    BtResumeResult rr;
    if (a->hdr.aux8[0] == AW_INIT) {
        if (gen->hdr.flags & AGEN_RUNNING_ASYNC) {
            a->hdr.aux8[0] = AW_CLOSED;
            bt_raise(t, BT_EXC(t, RuntimeError), "%s(): asynchronous generator is already running",
                     closing ? "aclose" : "athrow");
            return BT_UNDEF;
        }
        if (gen->hdr.flags & AGEN_CLOSED) {
            a->hdr.aux8[0] = AW_CLOSED;
            bt_raise_empty(t, BT_EXC(t, StopAsyncIteration));
            return BT_UNDEF;
        }
        if (!bt_is_none(v)) {
            bt_raise(t, BT_EXC(t, RuntimeError),
                     "can't send non-None value to a just-started coroutine");
            return BT_UNDEF;
        }
        a->hdr.aux8[0] = AW_ITER;
        agen_set(gen, AGEN_RUNNING_ASYNC, true);
        if (closing) {
            agen_set(gen, AGEN_CLOSED, true);
            bt_raise_empty(t, BT_EXC(t, GeneratorExit));
            BtValue exc = bt_take_exc(t);
            if (bt_is_undef(exc))
                return BT_UNDEF;
            BT_PUSH_ROOT(t, &exc);
            rr = gen_throw_ex(t, gen, &exc, 1, &out, false);
            BT_POP_ROOT(t, 1);
        } else {
            BtTuple *targs = (BtTuple *)bt_as_obj(a->arg);
            rr = gen_throw_ex(t, gen, targs->items, (int)targs->len, &out, false);
        }
        BtValue r = athrow_result(t, a, rr, out);
        if (bt_is_undef(r))
            a->hdr.aux8[0] = AW_CLOSED;
        return r;
    }
    rr = bt_gen_resume(t, gen, v, BT_UNDEF, &out);
    return athrow_result(t, a, rr, out);
}

static BtValue athrow_send(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "send", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return athrow_send_value(t, self, args[0]);
}

static BtValue athrow_next_slot(BtThread *t, BtValue self) {
    return athrow_send_value(t, self, BT_NONE);
}

static BtValue athrow_throw(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "throw", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    BtAGenAwait *a = as_await(self);
    if (a->hdr.aux8[0] == AW_CLOSED) {
        bt_raise(t, BT_EXC(t, RuntimeError), "cannot reuse already awaited aclose()/athrow()");
        return BT_UNDEF;
    }
    BtValue out = BT_UNDEF;
    BtResumeResult rr = gen_throw_exc(t, a->gen, args, nargs, &out);
    return athrow_result(t, a, rr, out);
}

static BtValue asend_next_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__next__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_as_obj(self)->type == BT_TYPE(t, agen_asend) ? asend_send_value(t, self, BT_NONE)
                                                           : athrow_send_value(t, self, BT_NONE);
}

static const BtNativeDef agen_methods[] = {
    {"__aiter__", agen_aiter},
    {"__anext__", agen_anext},
    {"asend", agen_asend},
    {"athrow", agen_athrow},
    {"aclose", agen_aclose},
    {NULL, NULL},
};

static const BtNativeDef asend_methods[] = {
    {"send", asend_send},
    {"throw", asend_throw},
    {"close", agen_await_close},
    {"__await__", agen_await_self},
    {"__iter__", agen_await_self},
    {"__next__", asend_next_method},
    {NULL, NULL},
};

static const BtNativeDef athrow_methods[] = {
    {"send", athrow_send},
    {"throw", athrow_throw},
    {"close", agen_await_close},
    {"__await__", agen_await_self},
    {"__iter__", agen_await_self},
    {"__next__", asend_next_method},
    {NULL, NULL},
};

/* ---- anext(aiterator, default) ---- */

typedef struct {
    BtObject hdr;
    BtValue wrapped; /* what __anext__() returned */
    BtValue dflt;
} BtAnextAwaitable;

static void anext_trace(BtGc *gc, BtObject *o) {
    bt_gc_mark(gc, ((BtAnextAwaitable *)o)->wrapped);
    bt_gc_mark(gc, ((BtAnextAwaitable *)o)->dflt);
}

BtValue bt_gen_anext_awaitable(BtThread *t, BtValue awaitable, BtValue dflt) {
    BtValue keep[2] = {awaitable, dflt};
    BT_PUSH_ROOT(t, &keep[0]);
    BT_PUSH_ROOT(t, &keep[1]);
    BtAnextAwaitable *a = bt_gc_alloc(t, BT_TYPE(t, anext_awaitable), sizeof(BtAnextAwaitable));
    BT_POP_ROOT(t, 2);
    if (!a)
        return BT_UNDEF;
    a->wrapped = keep[0];
    a->dflt = keep[1];
    return bt_obj(a);
}

/* One step of anext's awaitable (CPython's anextawaitable_proxy): the
 * iterator of the wrapped awaitable (a coroutine through its __await__) is
 * sent v, thrown args (nargs > 0) or advanced (v BT_UNDEF); its
 * StopAsyncIteration becomes StopIteration(default). */
static BtValue anext_step(BtThread *t, BtValue self, BtValue v, BtValue *args, int nargs) {
    BtAnextAwaitable *a = (BtAnextAwaitable *)bt_as_obj(self);
    /* A coroutine is stepped through its __await__ (no "being awaited" check: that is await's). */
    BtValue it = is_coro(t, a->wrapped) ? coro_await(t, a->wrapped, NULL, 0, NULL)
                                        : bt_gen_awaitable(t, a->wrapped, 0);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BtValue r;
    if (nargs > 0 || !bt_is_undef(v)) {
        BtValue meth = bt_getattr(t, it, nargs > 0 ? BT_NAME(t, throw) : BT_NAME(t, send));
        r = bt_is_undef(meth) ? BT_UNDEF
                              : nargs > 0 ? bt_call(t, meth, args, nargs, NULL)
                                          : bt_call(t, meth, &v, 1, NULL);
    } else {
        r = bt_next_keep_stop(t, it);
        if (bt_is_undef(r) && !bt_has_exc(t))
            bt_raise_empty(t, BT_EXC(t, StopIteration));
    }
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(r) && bt_exc_pending_is(t, BT_EXC(t, StopAsyncIteration))) {
        bt_take_exc(t);
        bt_raise_stop_iteration(t, a->dflt);
    }
    return r;
}

static BtValue anext_send(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "send", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    return anext_step(t, self, args[0], NULL, 0);
}

static BtValue anext_throw(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!bt_check_args(t, "throw", nargs, kwnames, 1, 3))
        return BT_UNDEF;
    return anext_step(t, self, BT_UNDEF, args, nargs);
}

static BtValue anext_next_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__next__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return anext_step(t, self, BT_UNDEF, NULL, 0);
}

static BtValue anext_next_slot(BtThread *t, BtValue self) {
    return anext_step(t, self, BT_UNDEF, NULL, 0);
}

static BtValue anext_close(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "close", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtValue meth = bt_getattr_opt(t, ((BtAnextAwaitable *)bt_as_obj(self))->wrapped,
                                  BT_NAME(t, close));
    if (bt_is_undef(meth))
        return bt_has_exc(t) ? BT_UNDEF : BT_NONE;
    return bt_call(t, meth, NULL, 0, NULL);
}

static const BtNativeDef anext_methods[] = {
    {"send", anext_send},
    {"throw", anext_throw},
    {"close", anext_close},
    {"__await__", agen_await_self},
    {"__iter__", agen_await_self},
    {"__next__", anext_next_method},
    {NULL, NULL},
};

static bool init_agen_types(BtThread *t) {
    BtType *an = BT_TYPE(t, anext_awaitable);
    an->instance_size = sizeof(BtAnextAwaitable);
    an->trace = anext_trace;
    an->iter = gen_iter_slot;
    an->next = anext_next_slot;
    if (!bt_type_add_methods(t, an, anext_methods))
        return false;
    BtType *g = BT_TYPE(t, async_generator);
    g->instance_size = sizeof(BtGen);
    g->flags |= BT_TYPE_METHODS_FIRST | BT_TYPE_FRAMED;
    g->trace = gen_trace;
    g->repr = gen_repr;
    g->getattr = gen_getattr;
    g->setattr = gen_setattr;
    BtType *s = BT_TYPE(t, agen_asend), *w = BT_TYPE(t, agen_athrow);
    s->instance_size = w->instance_size = sizeof(BtAGenAwait);
    s->trace = w->trace = agen_await_trace;
    s->iter = w->iter = gen_iter_slot;
    s->next = asend_next_slot;
    w->next = athrow_next_slot;
    return bt_type_add_methods(t, g, agen_methods) &&
           bt_type_add_getter(t, g, "ag_running", ag_running) &&
           bt_type_add_getter(t, g, "ag_code", gi_code) &&
           bt_type_add_getter(t, g, "ag_frame", gi_frame) &&
           bt_type_add_getter(t, g, "ag_await", gi_yieldfrom) &&
           bt_type_add_methods(t, s, asend_methods) && bt_type_add_methods(t, w, athrow_methods);
}

BtGen *bt_gen_alloc_raw(BtThread *t, size_t size) {
    return bt_gc_alloc(t, BT_TYPE(t, generator), size);
}

bool bt_gen_init_types(BtThread *t) {
    BtType *g = BT_TYPE(t, generator);
    g->instance_size = sizeof(BtGen);
    g->flags |= BT_TYPE_METHODS_FIRST | BT_TYPE_FRAMED;
    g->trace = gen_trace;
    g->repr = gen_repr;
    g->getattr = gen_getattr;
    g->setattr = gen_setattr;
    g->iter = gen_iter_slot;
    g->next = gen_next_slot;
    BtType *fr = BT_TYPE(t, frame);
    fr->instance_size = sizeof(BtFrameObject);
    fr->trace = frameobj_trace;
    fr->getattr = frameobj_getattr;
    fr->repr = frameobj_repr;
    return init_coroutine_types(t) && init_agen_types(t) &&
           bt_type_add_methods(t, g, gen_methods) &&
           bt_type_add_getter(t, g, "gi_running", gi_running) &&
           bt_type_add_getter(t, g, "gi_suspended", gi_suspended) &&
           bt_type_add_getter(t, g, "gi_code", gi_code) &&
           bt_type_add_getter(t, g, "gi_frame", gi_frame) &&
           bt_type_add_getter(t, g, "gi_yieldfrom", gi_yieldfrom);
}
