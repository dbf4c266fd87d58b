/* trace.c: the bytecode trace printer (repl stage; see trace.h).
 *
 * The VM reports an instruction *before* it runs; the trace shows the stack
 * *after* it. So the line of an instruction is held back until the next
 * report: if that is the next instruction of the same frame, the frame's
 * saved stack is exactly the stack after; otherwise (a call, a yield, a
 * return) the line shows the stack the frame keeps while control is away.
 * Lines go to one FILE (stderr from the command line) and program output on
 * stdout is flushed first, so the two interleave in the order they happened.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "repl/trace.h"
#include "vm/dict.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/list.h"
#include "vm/str.h"

#define MAX_THREADS 64
#define MAX_FILTERS 16
#define STACK_WIDTH 72  /* characters of value stack shown per instruction line */
#define ITEM_WIDTH 32   /* characters of one value's repr inside the stack */

struct BtTracer {
    BtHook hook;
    FILE *out;
    BtTraceLevel level;
    char *filter_buf;                  /* the filter text, split in place at commas */
    const char *filters[MAX_FILTERS];
    bool filter_ran[MAX_FILTERS];      /* a function of that name ran (else we say so) */
    bool filter_told;
    int nfilters;
    uint64_t idents[MAX_THREADS];      /* thread numbers: T1 is the first thread seen */
    int nthreads;
    struct {
        bool active;
        BtFrame *frame;
        BtCode *code;
        uint32_t index;
        int thread;
    } pending;                         /* the instruction whose line waits for its stack */
    struct {
        bool active;
        BtFrame *frame;
        BtCode *code;
        uint32_t index;
        char from[128];
    } back; /* a generator suspended into this frame: show what its CALL/SEND left */
};

/* ---- a bounded text buffer ---- */

typedef struct {
    char *p;
    size_t len, cap; /* cap includes the NUL */
    bool full;
} Out;

static void out_init(Out *o, char *buf, size_t cap) {
    o->p = buf;
    o->len = 0;
    o->cap = cap;
    o->full = cap == 0;
    if (cap)
        buf[0] = '\0';
}

static void out_put(Out *o, const char *s, size_t n) {
    if (o->full)
        return;
    if (o->len + n + 1 > o->cap) {
        n = o->cap - o->len - 1;
        o->full = true;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--; /* never cut a UTF-8 sequence */
    }
    memcpy(o->p + o->len, s, n);
    o->len += n;
    o->p[o->len] = '\0';
}

static void out_cstr(Out *o, const char *s) {
    out_put(o, s, strlen(s));
}

static void out_fmt(Out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_fmt(Out *o, const char *fmt, ...) {
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        out_put(o, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* ---- values ---- */

/* repr() or str() of v through the VM, with any hook off and the pending
 * exception kept aside; "<?>" when it fails. */
static void vm_text(BtThread *t, BtValue v, bool use_str, Out *o) {
    BtHook *hook = t->hook;
    t->hook = NULL;
    /* No hand-over in the middle of a trace line: its events could not be shown. */
    t->gil_pinned++;
    BtValue saved = bt_take_exc(t);
    BT_PUSH_ROOT(t, &saved);
    BtValue r = use_str ? bt_str(t, v) : bt_repr(t, v);
    if (bt_is_undef(r) || !bt_is_str(t, r)) {
        bt_take_exc(t);
        out_cstr(o, "<?>");
    } else {
        out_put(o, bt_as_str(r)->data, bt_as_str(r)->size);
    }
    BT_POP_ROOT(t, 1);
    t->exc = saved;
    t->gil_pinned--;
    t->hook = hook;
}

static void repr_into(BtThread *t, BtValue v, Out *o, int depth);

static const char *text_of(const BtStr *s) {
    return s ? s->data : "?";
}

/* Objects whose repr carries an address get a short, stable form instead:
 * "<function f>", "<generator my_range>", "<A object>". false: use repr(). */
static bool short_repr(BtThread *t, BtValue v, Out *o) {
    BtType *ty = bt_as_obj(v)->type;
    if (ty == BT_TYPE(t, function)) {
        out_fmt(o, "<function %s>", text_of(((BtFunction *)bt_as_obj(v))->qualname));
    } else if (bt_is_framed_gen(t, v)) {
        BtGen *g = (BtGen *)bt_as_obj(v);
        out_fmt(o, "<%s %s#%u>", ty->name->data, text_of(bt_gen_qualname(t->interp, g)),
                bt_gen_number(g));
    } else if (ty == BT_TYPE(t, code)) {
        out_fmt(o, "<code %s>", text_of(((BtCode *)bt_as_obj(v))->name));
    } else if (ty == BT_TYPE(t, native)) {
        out_fmt(o, "<built-in %s>", ((BtNative *)bt_as_obj(v))->name);
    } else if (ty == BT_TYPE(t, method)) {
        BtValue fn = ((BtMethod *)bt_as_obj(v))->func;
        if (bt_is_obj(fn) && bt_as_obj(fn)->type == BT_TYPE(t, function))
            out_fmt(o, "<bound method %s>", text_of(((BtFunction *)bt_as_obj(fn))->qualname));
        else
            out_cstr(o, "<bound method>");
    } else if (!ty->repr) {
        out_fmt(o, "<%s object>", text_of(ty->name)); /* the VM gives it no repr yet */
    } else if ((ty->flags & BT_TYPE_HEAPTYPE) &&
               bt_same(bt_type_lookup(ty, BT_NAME(t, dunder_repr)),
                       bt_type_lookup(BT_TYPE(t, object), BT_NAME(t, dunder_repr)))) {
        out_fmt(o, "<%s object>", text_of(ty->name));
    } else {
        return false;
    }
    return true;
}

static void repr_items(BtThread *t, const BtValue *items, size_t n, Out *o, int depth,
                       const char *open, const char *close) {
    out_cstr(o, open);
    for (size_t i = 0; i < n && !o->full; i++) {
        if (i)
            out_cstr(o, ", ");
        if (i == 8 || depth >= 2) {
            out_cstr(o, "...");
            break;
        }
        repr_into(t, items[i], o, depth + 1);
    }
    if (n == 1 && strcmp(open, "(") == 0)
        out_cstr(o, ",");
    out_cstr(o, close);
}

static void repr_into(BtThread *t, BtValue v, Out *o, int depth) {
    if (bt_is_undef(v)) {
        out_cstr(o, "NULL");
        return;
    }
    if (bt_is_list(t, v)) {
        repr_items(t, bt_as_list(v)->items, bt_as_list(v)->len, o, depth, "[", "]");
        return;
    }
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, tuple)) {
        repr_items(t, bt_as_tuple(v)->items, bt_as_tuple(v)->len, o, depth, "(", ")");
        return;
    }
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, dict)) {
        BtDict *d = bt_as_dict(v);
        size_t pos = 0, i = 0;
        BtValue key, val;
        out_cstr(o, "{");
        while (!o->full && bt_dict_next(d, &pos, &key, &val)) {
            if (i++)
                out_cstr(o, ", ");
            if (i == 9 || depth >= 2) {
                out_cstr(o, "...");
                break;
            }
            repr_into(t, key, o, depth + 1);
            out_cstr(o, ": ");
            repr_into(t, val, o, depth + 1);
        }
        out_cstr(o, "}");
        return;
    }
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, str) && bt_as_str(v)->size > 48) {
        /* Only the head of a long string is worth a repr. */
        BtStr *s = bt_as_str(v);
        size_t n = 40;
        while (n > 0 && ((unsigned char)s->data[n] & 0xC0) == 0x80)
            n--;
        BtStr *head = bt_str_new(t, s->data, n);
        if (!head) {
            bt_take_exc(t);
            out_cstr(o, "'...'");
            return;
        }
        BtValue hv = bt_obj(head);
        Out tmp;
        char buf[128];
        out_init(&tmp, buf, sizeof buf);
        vm_text(t, hv, false, &tmp);
        if (tmp.len > 1)
            tmp.len--; /* drop the closing quote */
        out_put(o, buf, tmp.len);
        out_cstr(o, "...");
        out_put(o, buf, 1);
        return;
    }
    if (bt_is_obj(v) && short_repr(t, v, o))
        return;
    vm_text(t, v, false, o);
}

void bt_trace_repr(BtThread *t, BtValue v, char *buf, size_t cap) {
    Out o;
    out_init(&o, buf, cap);
    BT_PUSH_ROOT(t, &v);
    repr_into(t, v, &o, 0);
    BT_POP_ROOT(t, 1);
    if (o.full && o.len >= 3) {
        size_t pos = o.len - 3;
        while (pos > 0 && ((unsigned char)buf[pos] & 0xC0) == 0x80)
            pos--;
        memcpy(buf + pos, "...", 4);
    }
}

/* One stack item, whole: its bounded repr when that fits ITEM_WIDTH, else a
 * short form that names its type and size ("<list of 20>"), never a repr
 * cut in the middle. */
static void stack_item(BtThread *t, BtValue v, char *buf, size_t cap) {
    char full[256];
    bt_trace_repr(t, v, full, sizeof full);
    if (strlen(full) <= ITEM_WIDTH) {
        snprintf(buf, cap, "%s", full);
        return;
    }
    const char *tn = bt_type_name(t, v);
    if (bt_is_list(t, v))
        snprintf(buf, cap, "<list of %zu>", bt_as_list(v)->len);
    else if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, tuple))
        snprintf(buf, cap, "<tuple of %zu>", bt_as_tuple(v)->len);
    else if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, dict))
        snprintf(buf, cap, "<dict of %zu>", (size_t)bt_as_dict(v)->len);
    else if (bt_is_str(t, v) && full[0] && cap > ITEM_WIDTH) {
        /* a string's head, still quoted: 'abc...' */
        size_t n = ITEM_WIDTH - 4;
        while (n > 1 && ((unsigned char)full[n] & 0xC0) == 0x80)
            n--;
        snprintf(buf, cap, "%.*s...%c", (int)n, full, full[0]);
    }
    else
        snprintf(buf, cap, "<%s>", tn ? tn : "?");
}

void bt_trace_stack(BtThread *t, BtFrame *f, char *buf, size_t cap, size_t width) {
    Out o;
    out_init(&o, buf, cap);
    BtCode *c = f->code;
    BtValue *base = bt_frame_slots(f) + c->nlocals + c->ncells + c->nfrees;
    if (!f->sp || f->sp < base || f->sp > base + c->stacksize) {
        out_cstr(&o, "[?]");
        return;
    }
    size_t n = (size_t)(f->sp - base);
    /* Format from the top down, so the newest items always show; older ones
     * give way whole, counted: "[…3, a, b]". */
    char items[16][ITEM_WIDTH + 64];
    size_t shown = 0, used = 2 + 6;
    for (size_t i = 0; i < n && shown < 16; i++) {
        char *it = items[shown];
        stack_item(t, base[n - 1 - i], it, sizeof items[0]);
        size_t w = strlen(it) + (shown ? 2 : 0);
        if (shown && used + w > width)
            break;
        used += w;
        shown++;
    }
    out_cstr(&o, "[");
    if (shown < n)
        out_fmt(&o, "\u2026%zu, ", n - shown);
    for (size_t i = shown; i-- > 0;) {
        out_cstr(&o, items[i]);
        if (i)
            out_cstr(&o, ", ");
    }
    out_cstr(&o, "]");
}

void bt_trace_frame_name(BtFrame *f, char *buf, size_t cap) {
    BtStr *q = f->code->qualname ? f->code->qualname : f->code->name;
    if (bt_frame_gen(f)) /* the instance number tells apart generators of one function */
        snprintf(buf, cap, "%s %s#%u",
                 bt_gen_is_coro(bt_frame_gen(f))   ? "coro"
                 : bt_gen_is_agen(bt_frame_gen(f)) ? "agen"
                                                   : "gen",
                 q ? q->data : "?", bt_gen_number(bt_frame_gen(f)));
    else if ((f->code->flags & BT_CODE_CLASS) && f->code->name)
        snprintf(buf, cap, "class body %s", f->code->name->data);
    else
        snprintf(buf, cap, "%s", q ? q->data : "?");
}

bool bt_trace_gen_binding(BtThread *t, BtGen *g, char *buf, size_t cap) {
    BtValue mainv = bt_dict_get_str(t->interp->modules, BT_NAME(t, dunder_main));
    if (!bt_is_obj(mainv) || bt_as_obj(mainv)->type != BT_TYPE(t, module))
        return false;
    Out o;
    out_init(&o, buf, cap);
    size_t pos = 0;
    BtValue k, v;
    while (bt_dict_next(((BtModule *)bt_as_obj(mainv))->dict, &pos, &k, &v))
        if (bt_is_obj(v) && bt_as_obj(v) == &g->hdr && bt_is_str(t, k)) {
            out_fmt(&o, "%s%s", o.len ? ", " : "", bt_as_str(k)->data);
        }
    return o.len > 0;
}

void bt_trace_args(BtThread *t, BtFrame *f, char *buf, size_t cap) {
    Out o;
    out_init(&o, buf, cap);
    BtCode *c = f->code;
    int nparams = c->argcount + c->kwonlyargcount + !!(c->flags & BT_CODE_VARARGS) +
                  !!(c->flags & BT_CODE_VARKEYWORDS);
    for (int i = 0; i < nparams && i < c->nlocals && !o.full; i++) {
        BtValue v = bt_frame_slots(f)[i];
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, cell))
            v = ((BtCell *)bt_as_obj(v))->value;
        char val[ITEM_WIDTH + 1];
        bt_trace_repr(t, v, val, sizeof val);
        const char *star = i == c->argcount + c->kwonlyargcount
                               ? (c->flags & BT_CODE_VARARGS ? "*" : "**")
                               : i > c->argcount + c->kwonlyargcount ? "**" : "";
        out_fmt(&o, "%s%s%s=%s", i ? ", " : "", star, bt_as_str(c->varnames->items[i])->data, val);
    }
}

/* "f(x=1, y=[2])": the parameters of a frame that is just starting. */
static void call_text(BtThread *t, BtFrame *f, Out *o) {
    char name[128];
    bt_trace_frame_name(f, name, sizeof name);
    out_cstr(o, name);
    if (f->code->flags & BT_CODE_MODULE)
        return;
    char args[300];
    bt_trace_args(t, f, args, sizeof args);
    out_cstr(o, "(");
    out_cstr(o, args);
    out_cstr(o, ")");
}

/* "ZeroDivisionError: division by zero", as a traceback's last line says it. */
static void exc_text(BtThread *t, BtValue exc, Out *o) {
    const char *tn = bt_type_name(t, exc);
    out_cstr(o, tn ? tn : "?");
    char msg[96];
    Out m;
    out_init(&m, msg, sizeof msg);
    vm_text(t, exc, true, &m);
    if (m.len) {
        out_cstr(o, ": ");
        out_cstr(o, msg);
    }
}

void bt_trace_event_text(BtThread *t, const BtEvent *ev, char *buf, size_t cap) {
    Out o;
    out_init(&o, buf, cap);
    char name[128] = "";
    char val[ITEM_WIDTH * 2 + 1] = "";
    if (ev->frame)
        bt_trace_frame_name(ev->frame, name, sizeof name);
    if (!bt_is_undef(ev->value))
        bt_trace_repr(t, ev->value, val, sizeof val);
    switch (ev->kind) {
    case BT_EV_CALL:
        out_cstr(&o, "--> call ");
        call_text(t, ev->frame, &o);
        break;
    case BT_EV_RETURN:
        out_fmt(&o, "<-- return %s from %s", val, name);
        break;
    case BT_EV_SUSPEND:
        out_fmt(&o, "||  suspend %s yields %s", name, val);
        break;
    case BT_EV_RESUME:
        if (!bt_is_undef(ev->exc)) {
            out_fmt(&o, ">>  resume %s <- throw ", name);
            exc_text(t, ev->exc, &o);
        } else if (ev->index == 0) {
            out_fmt(&o, ">>  start %s", name);
        } else {
            out_fmt(&o, ">>  resume %s <- %s", name, val);
        }
        break;
    case BT_EV_GEN_FINISH:
        out_fmt(&o, "##  finish %s returns %s", name, val);
        break;
    case BT_EV_EXCEPTION:
        out_cstr(&o, "xx  exception ");
        exc_text(t, ev->exc, &o);
        out_fmt(&o, " unwinds %s", name);
        break;
    case BT_EV_GIL:
        out_fmt(&o, "~~  gil %s", ev->detail ? ev->detail : "");
        break;
    case BT_EV_SCHED:
        out_fmt(&o, "~~  sched %s", ev->detail ? ev->detail : "");
        break;
    case BT_EV_CAUGHT: {
        const char *tn = bt_type_name(t, ev->exc);
        out_fmt(&o, "!!  %s raised, caught at line %d", tn ? tn : "?",
                bt_code_line(ev->frame->code, ev->index));
        break;
    }
    case BT_EV_INSTR:
        break;
    }
}

/* ---- the hook ---- */

/* The column text for thread number n ("T2  "), or "" for 0. */
static const char *thread_col(int n, char buf[16]) {
    if (n == 0)
        return "";
    snprintf(buf, 16, "T%-2d ", n);
    return buf;
}

/* T1, T2...: the trace's thread column, shown only once a second thread has
 * started (0: no column yet). */
static int thread_number(BtTracer *tr, BtThread *t) {
    if (t->interp->threads_started == 0)
        return 0;
    if (tr->nthreads == 0) /* the main thread is always T1 */
        tr->idents[tr->nthreads++] = t->interp->main_thread->ident;
    for (int i = 0; i < tr->nthreads; i++)
        if (tr->idents[i] == t->ident)
            return i + 1;
    if (tr->nthreads < MAX_THREADS)
        tr->idents[tr->nthreads++] = t->ident;
    return tr->nthreads;
}

static bool frame_selected(BtTracer *tr, const BtFrame *f) {
    if (tr->nfilters == 0)
        return true;
    if (!f)
        return false;
    for (int i = 0; i < tr->nfilters; i++) {
        const char *want = tr->filters[i];
        if ((f->code->name && strcmp(f->code->name->data, want) == 0) ||
            (f->code->qualname && strcmp(f->code->qualname->data, want) == 0))
            return tr->filter_ran[i] = true;
    }
    return false;
}

static void emit_line(BtTracer *tr, const char *line) {
    if (tr->out != stdout)
        fflush(stdout); /* the program's output first: keep the order things happened in */
    fputs(line, tr->out);
    fputc('\n', tr->out);
}

/* Print the held-back instruction line with its frame's stack as it is now. */
static void flush_pending(BtThread *t, BtTracer *tr) {
    if (!tr->pending.active)
        return;
    tr->pending.active = false;
    BtFrame *f = tr->pending.frame;
    BtCode *c = tr->pending.code;
    uint32_t i = tr->pending.index;
    char name[128], ins[160], stack[STACK_WIDTH + 64], line[512];
    bt_trace_frame_name(f, name, sizeof name);
    bt_dis_format_instr(t, c, i, ins, sizeof ins);
    bt_trace_stack(t, f, stack, sizeof stack, STACK_WIDTH);
    char col[16];
    snprintf(line, sizeof line, "%s%-20s %4d %4u  %-44s | %s", thread_col(tr->pending.thread, col),
             name, bt_code_line(c, i), i, ins, stack);
    emit_line(tr, line);
}

/* Control came straight back from a generator's yield to the frame that
 * resumed it: its CALL/SEND/FOR_ITER line went out while the frame was
 * away, so show the stack again now, with the value the yield left. */
static bool frame_selected(BtTracer *tr, const BtFrame *f);

static void show_back(BtThread *t, BtTracer *tr, const BtEvent *e) {
    bool was = tr->back.active;
    tr->back.active = false;
    if (!was || e->frame != tr->back.frame || e->frame->code != tr->back.code ||
        tr->level != BT_TRACE_ALL || !frame_selected(tr, e->frame))
        return;
    char name[128], ins[320], stack[STACK_WIDTH + 64], line[800];
    bt_trace_frame_name(e->frame, name, sizeof name);
    char op[160];
    bt_dis_format_instr(t, e->frame->code, tr->back.index, op, sizeof op);
    op[strcspn(op, " ")] = '\0';
    snprintf(ins, sizeof ins, "%s <- %s yielded", op, tr->back.from);
    bt_trace_stack(t, e->frame, stack, sizeof stack, STACK_WIDTH);
    char col[16];
    snprintf(line, sizeof line, "%s%-20s %4d %4u  %-44s | %s", thread_col(thread_number(tr, t), col), name,
             bt_code_line(e->frame->code, tr->back.index), tr->back.index, ins, stack);
    emit_line(tr, line);
}

static void on_event(BtThread *t, const BtEvent *ev, void *data) {
    BtTracer *tr = data;
    BtEvent e = *ev;
    BT_PUSH_ROOT(t, &e.value);
    BT_PUSH_ROOT(t, &e.exc);
    flush_pending(t, tr);
    if (e.kind == BT_EV_SUSPEND && e.frame->back) {
        tr->back.active = true;
        tr->back.frame = e.frame->back;
        tr->back.code = e.frame->back->code;
        tr->back.index = bt_frame_lasti(e.frame->back);
        bt_trace_frame_name(e.frame, tr->back.from, sizeof tr->back.from);
    } else if (e.kind == BT_EV_INSTR) {
        show_back(t, tr, &e);
    }
    if (e.kind == BT_EV_INSTR) {
        if (tr->level == BT_TRACE_ALL && frame_selected(tr, e.frame)) {
            tr->pending.active = true;
            tr->pending.frame = e.frame;
            tr->pending.code = e.frame->code;
            tr->pending.index = e.index;
            tr->pending.thread = thread_number(tr, t);
        }
        BT_POP_ROOT(t, 2);
        return;
    }
    bool gil = e.kind == BT_EV_GIL || e.kind == BT_EV_SCHED;
    if ((tr->level == BT_TRACE_GIL && !gil) || (!gil && !frame_selected(tr, e.frame))) {
        BT_POP_ROOT(t, 2);
        return;
    }
    char text[400], line[512];
    bt_trace_event_text(t, &e, text, sizeof text);
    if (!text[0]) { /* an event with nothing to say (a cleanup handler) */
        BT_POP_ROOT(t, 2);
        return;
    }
    int depth = 0;
    if (tr->level == BT_TRACE_EVENTS && e.frame)
        for (BtFrame *b = e.frame->back; b && depth < 40; b = b->back)
            depth++;
    char col[16];
    snprintf(line, sizeof line, "%s%*s%s", thread_col(thread_number(tr, t), col), 2 * depth, "", text);
    emit_line(tr, line);
    BT_POP_ROOT(t, 2);
}

BtTracer *bt_trace_new(FILE *out, BtTraceLevel level, const char *filter) {
    BtTracer *tr = calloc(1, sizeof *tr);
    if (!tr)
        return NULL;
    tr->out = out;
    tr->level = level;
    tr->hook.fn = on_event;
    tr->hook.data = tr;
    tr->hook.instructions = level == BT_TRACE_ALL;
    tr->hook.all_threads = true;
    if (filter && *filter) {
        tr->filter_buf = strdup(filter);
        if (!tr->filter_buf) {
            free(tr);
            return NULL;
        }
        for (char *save = NULL, *tok = strtok_r(tr->filter_buf, ",", &save);
             tok && tr->nfilters < MAX_FILTERS; tok = strtok_r(NULL, ",", &save))
            tr->filters[tr->nfilters++] = tok;
    }
    return tr;
}

void bt_trace_free(BtTracer *tr) {
    if (!tr)
        return;
    free(tr->filter_buf);
    free(tr);
}

void bt_trace_attach(BtThread *t, BtTracer *tr) {
    tr->pending.active = false;
    tr->back.active = false;
    t->hook = &tr->hook;
}

void bt_trace_detach(BtThread *t, BtTracer *tr) {
    /* The pending frame may be gone by now: its line goes out without a stack. */
    if (tr->pending.active) {
        tr->pending.active = false;
        char ins[160], line[512];
        bt_dis_format_instr(t, tr->pending.code, tr->pending.index, ins, sizeof ins);
        char col[16];
        snprintf(line, sizeof line, "%s%-20s %4d %4u  %s", thread_col(tr->pending.thread, col),
                 tr->pending.code->qualname ? tr->pending.code->qualname->data : "?",
                 bt_code_line(tr->pending.code, tr->pending.index), tr->pending.index, ins);
        emit_line(tr, line);
    }
    if (t->hook == &tr->hook)
        t->hook = NULL;
    /* A filter naming a function that never ran would leave a silent trace:
     * say so once (a typo, or a function the program does not reach). */
    for (int i = 0; i < tr->nfilters && !tr->filter_told; i++)
        if (!tr->filter_ran[i]) {
            fflush(stdout);
            fprintf(tr->out, "trace filter: no function named '%s' ran\n", tr->filters[i]);
        }
    tr->filter_told = true;
    fflush(tr->out);
}
