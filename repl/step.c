/* step.c: the stepper (repl stage; see step.h).
 *
 * The stepper is a hook on every instruction. It keeps, for each frame on
 * the chain, the last line that frame ran, so it knows when a frame starts a
 * new line (a different line, or a jump back to the same one) and stops there
 * according to the command in force: s (any frame), n (this frame), f (when
 * this frame leaves), si (every instruction), c (only at breakpoints). When
 * the watched frame returns, yields or unwinds, it stops at the very next
 * instruction, wherever control went: that is where a student looks next.
 */
#include <ctype.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "repl/repl.h"
#include "repl/step.h"
#include "repl/trace.h"
#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/dis.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/list.h"
#include "vm/str.h"

#define MAX_BREAKS 64
#define MAX_SOURCES 16

typedef enum {
    GO_STEP,     /* s: stop at the next new line in any frame */
    GO_NEXT,     /* n: stop at the next new line of `target` */
    GO_INSTR,    /* si: stop at the next instruction */
    GO_FINISH,   /* f: stop when `target` returns, yields or unwinds */
    GO_UNTIL,    /* until: stop at a line of `target` past `until_line` (or when it leaves) */
    GO_CONTINUE, /* c: stop only at breakpoints */
    GO_ANY,      /* the watched frame left: stop at the next instruction anywhere */
    GO_QUIT,     /* q or end of commands: never stop again */
} Go;

typedef struct {
    BtFrame *frame;
    int line;       /* last line this frame started, -1 when none yet */
    uint32_t index; /* last instruction it ran */
    bool fresh;     /* called or started, no line run yet: where `b FUNCTION` stops */
} Rec;

/* A breakpoint: a line of a file (`b 12`, `b pool.py:12`) or the first line
 * of a function (`b Scheduler.join`). Code typed in the REPL is all named
 * "<stdin>": its line breakpoints also remember which input they are in. */
typedef struct {
    int number;       /* pdb's numbering, from 1, never reused */
    char file[256];   /* the code objects' filename for a line breakpoint */
    int line;         /* > 0: a line breakpoint */
    const char *text; /* the REPL input the line is in, or NULL (any file named `file`) */
    char func[128];   /* a function breakpoint: its name or qualified name */
    BtCode *code;     /* the function's code when `b` could look it up, else NULL */
} Break;

typedef struct {
    char *name; /* the code objects' filename */
    char *text;
    size_t len;
    size_t *starts; /* byte offset of each line */
    int nlines;
} Source;

struct BtStepper {
    BtHook hook;
    FILE *out;
    Go go;
    BtFrame *target;
    Rec *recs;
    int nrecs, recs_cap;
    Break breaks[MAX_BREAKS];
    int nbreaks, next_break;
    int until_line;              /* for GO_UNTIL */
    BtFrame *last_frame;         /* the instruction reported last: si shows its stack after */
    BtCode *last_code;
    uint32_t last_index;
    Source sources[MAX_SOURCES]; /* [0] is the program being stepped */
    int nsources;
    Source scratch;              /* the last text the lookup gave */
    BtStepSourceFn lookup;
    void *lookup_data;
    char last_cmd[256];
    bool quit;
    bool own_sigint;              /* our SIGINT handler is in place (see take_sigint) */
    struct sigaction saved_sigint;
};

static const char HELP[] =
    "Commands (an empty line repeats the last one):\n"
    "  s, step        run to the next line, stepping into calls and resumed generators\n"
    "  n, next        run to the next line of this frame (calls run through)\n"
    "  si, stepi      run one instruction\n"
    "  f, finish, r   run until this frame returns or yields\n"
    "  until [LINE]   run until this frame reaches a line past this one (or LINE)\n"
    "  c, continue    run until a breakpoint or the end (Ctrl-C stops it here again)\n"
    "  b LINE         set a breakpoint at LINE of this frame's file (b alone lists them)\n"
    "  b FILE:LINE    set a breakpoint at LINE of FILE\n"
    "  b FUNCTION     stop at the first line of FUNCTION (f, Class.method)\n"
    "  cl [N|FILE:LINE]  clear breakpoint N, the one at FILE:LINE, or all\n"
    "  l, list        show the source around the current line\n"
    "  ll, longlist   show the whole function of this frame\n"
    "  bt, w, where   the frame chain, then the suspended generators\n"
    "  stack          the value stack of this frame, bottom first\n"
    "  locals         the local variables of this frame\n"
    "  gens [NAME]    every live generator with its state and line (or one in full)\n"
    "  threads        every thread: running, waiting for the GIL or blocked (and where)\n"
    "  p EXPR         evaluate EXPR in this frame and print its repr\n"
    "  q, quit        stop the program (exit status 0)\n"
    "  h, help        this list\n";

/* ---- Ctrl-C ----
 *
 * While the program runs between prompts, Ctrl-C belongs to the stepper: its
 * handler only sets a flag that the next instruction's hook sees. The VM's
 * handler would turn it into KeyboardInterrupt at the next backward jump,
 * and the hook could not always see it first. At the prompt, and once the
 * stepper lets go, the VM's handler is back (Ctrl-C cancels a typed line).
 */

static volatile sig_atomic_t interrupted;

static void on_sigint(int sig) {
    (void)sig;
    interrupted = 1;
}

static void take_sigint(BtStepper *st) {
    if (st->own_sigint)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, &st->saved_sigint) == 0)
        st->own_sigint = true;
}

static void give_back_sigint(BtStepper *st) {
    if (st->own_sigint)
        sigaction(SIGINT, &st->saved_sigint, NULL);
    st->own_sigint = false;
}

/* ---- sources ---- */

static bool source_fill(Source *s, const char *name, const char *text, size_t len) {
    s->name = strdup(name);
    s->text = malloc(len + 1);
    s->starts = malloc((len + 2) * sizeof *s->starts);
    if (!s->name || !s->text || !s->starts)
        return false;
    memcpy(s->text, text, len);
    s->text[len] = '\0';
    s->len = len;
    s->nlines = 0;
    for (size_t i = 0; i < len; i++)
        if (i == 0 || text[i - 1] == '\n')
            s->starts[s->nlines++] = i;
    return true;
}

static void source_free(Source *s) {
    free(s->name);
    free(s->text);
    free(s->starts);
}

/* The source of a code object's file: the stepped program, or read from disk. */
static Source *source_for(BtStepper *st, const char *name) {
    for (int i = 0; i < st->nsources; i++)
        if (strcmp(st->sources[i].name, name) == 0)
            return &st->sources[i];
    if (name[0] == '<' || st->nsources == MAX_SOURCES)
        return NULL;
    FILE *f = fopen(name, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, len = 0, n;
    char chunk[4096];
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + n > cap) {
            cap = (len + n) * 2;
            char *grown = realloc(buf, cap);
            if (!grown)
                break;
            buf = grown;
        }
        memcpy(buf + len, chunk, n);
        len += n;
    }
    fclose(f);
    Source *s = &st->sources[st->nsources];
    bool ok = buf && source_fill(s, name, buf, len);
    free(buf);
    if (!ok) {
        source_free(s);
        memset(s, 0, sizeof *s);
        return NULL;
    }
    st->nsources++;
    return s;
}

/* The source code c was compiled from, if it can be found. */
static Source *source_of(BtThread *t, BtStepper *st, BtCode *c) {
    const char *name = c->filename ? c->filename->data : "?";
    size_t len;
    const char *text = name[0] == '<' && st->lookup ? st->lookup(t, c, &len, st->lookup_data) : NULL;
    if (!text)
        return source_for(st, name);
    source_free(&st->scratch);
    memset(&st->scratch, 0, sizeof st->scratch);
    return source_fill(&st->scratch, name, text, len) ? &st->scratch : NULL;
}

/* Print line `line` of src (as in the file, without its newline). */
static bool source_line(FILE *out, const Source *s, int line) {
    if (!s || line < 1 || line > s->nlines)
        return false;
    size_t start = s->starts[line - 1];
    size_t end = start;
    while (end < s->len && s->text[end] != '\n')
        end++;
    fwrite(s->text + start, 1, end - start, out);
    return true;
}

static const char *basename_of(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* ---- per-frame line records ---- */

/* The record of f, dropping the records above it (those frames have left);
 * a new one when f has none. NULL without memory. */
static Rec *rec_enter(BtStepper *st, BtFrame *f) {
    for (int i = st->nrecs; i-- > 0;)
        if (st->recs[i].frame == f) {
            st->nrecs = i + 1;
            return &st->recs[i];
        }
    if (st->nrecs == st->recs_cap) {
        int cap = st->recs_cap ? st->recs_cap * 2 : 64;
        Rec *grown = realloc(st->recs, (size_t)cap * sizeof *grown);
        if (!grown)
            return NULL;
        st->recs = grown;
        st->recs_cap = cap;
    }
    Rec *r = &st->recs[st->nrecs++];
    r->frame = f;
    r->line = -1;
    r->index = 0;
    r->fresh = false;
    return r;
}

static void rec_leave(BtStepper *st, BtFrame *f) {
    for (int i = st->nrecs; i-- > 0;)
        if (st->recs[i].frame == f) {
            st->nrecs = i;
            return;
        }
}

/* ---- what the commands print ---- */

static void print_where(BtThread *t, BtStepper *st, BtFrame *f, uint32_t index, bool instr) {
    int line = bt_code_line(f->code, index);
    const char *file = f->code->filename ? f->code->filename->data : "?";
    BtStr *q = f->code->qualname ? f->code->qualname : f->code->name;
    fprintf(st->out, "> %s(%d) %s()%s\n", basename_of(file), line, q ? q->data : "?",
            !bt_frame_gen(f)                   ? ""
            : bt_gen_is_coro(bt_frame_gen(f)) ? " [coroutine]"
            : bt_gen_is_agen(bt_frame_gen(f)) ? " [async generator]"
                                              : " [generator]");
    fputs("-> ", st->out);
    if (!source_line(st->out, source_of(t, st, f->code), line))
        fputs("(no source)", st->out);
    fputc('\n', st->out);
    if (instr) {
        char ins[160], stack[256];
        /* The instruction just run and the stack after it, as --trace shows
         * it, when its frame is still on the chain (not returned). */
        BtFrame *last = NULL;
        for (BtFrame *b = f; b && st->last_frame; b = b->back)
            if (b == st->last_frame && b->code == st->last_code)
                last = b;
        if (last) {
            bt_dis_format_instr(t, last->code, st->last_index, ins, sizeof ins);
            bt_trace_stack(t, last, stack, sizeof stack, 120);
            fprintf(st->out, "   ran  @%-4u %-44s stack %s\n", st->last_index, ins, stack);
        }
        bt_dis_format_instr(t, f->code, index, ins, sizeof ins);
        fprintf(st->out, "   next @%-4u %s\n", index, ins);
    }
}

static bool line_has_break(BtThread *t, BtStepper *st, BtCode *c, int line);

static void print_list(BtThread *t, BtStepper *st, BtFrame *f, uint32_t index, bool whole) {
    int line = bt_code_line(f->code, index);
    Source *s = source_of(t, st, f->code);
    if (!s) {
        fputs("(no source)\n", st->out);
        return;
    }
    int first = line - 5 > 1 ? line - 5 : 1, last = line + 5;
    if (whole) { /* ll: the function's lines, from its def to its last instruction's line */
        first = f->code->firstlineno;
        last = first;
        for (uint32_t i = 0; i < f->code->nlines; i++)
            if (f->code->lines[i].line > last)
                last = f->code->lines[i].line;
    }
    for (int l = first; l <= last && l <= s->nlines; l++) {
        bool brk = line_has_break(t, st, f->code, l);
        fprintf(st->out, "%4d %c%s", l, brk ? 'B' : ' ', l == line ? "->" : "  ");
        size_t start = s->starts[l - 1];
        if (start < s->len && s->text[start] != '\n')
            fputc(' ', st->out); /* no blank after the marker of an empty line */
        source_line(st->out, s, l);
        fputc('\n', st->out);
    }
}

static void print_locals(BtThread *t, BtStepper *st, BtFrame *f) {
    BtCode *c = f->code;
    char val[200];
    int shown = 0;
    BtDict *ns = bt_frame_locals_dict(f);
    if (ns) {
        size_t pos = 0;
        BtValue k, v;
        while (bt_dict_next(ns, &pos, &k, &v)) {
            if (!bt_is_str(t, k))
                continue;
            const char *name = bt_as_str(k)->data;
            size_t n = strlen(name);
            if (n > 4 && name[0] == '_' && name[1] == '_' && name[n - 1] == '_' && name[n - 2] == '_')
                continue; /* __name__, __builtins__, ...: not what a student defined */
            bt_trace_repr(t, v, val, sizeof val);
            fprintf(st->out, "  %s = %s\n", name, val);
            shown++;
        }
    }
    for (int i = 0; i < c->nlocals + c->ncells + c->nfrees; i++) {
        BtStr *name;
        BtValue v = bt_frame_var(t, f, i, &name);
        if (bt_is_undef(v))
            continue;
        bt_trace_repr(t, v, val, sizeof val);
        fprintf(st->out, "  %s = %s\n", name->data, val);
        shown++;
    }
    if (!shown)
        fputs("  (no locals)\n", st->out);
}

static void frame_line(BtThread *t, BtStepper *st, const char *mark, BtFrame *f, const char *tail) {
    (void)t;
    char name[128];
    bt_trace_frame_name(f, name, sizeof name);
    const char *file = f->code->filename ? f->code->filename->data : "?";
    fprintf(st->out, "%s %-24s %s:%d%s\n", mark, name, basename_of(file),
            bt_code_line(f->code, bt_frame_lasti(f)), tail);
}

/* Generators in the order a reader meets them: by the line of their
 * function, then by their number ("my_range#2" after "my_range#1"). The heap
 * itself has no order of birth. */
static int by_birth(const void *pa, const void *pb) {
    const BtGen *a = *(BtGen *const *)pa, *b = *(BtGen *const *)pb;
    const BtCode *ca = a->frame.code, *cb = b->frame.code;
    if (ca->firstlineno != cb->firstlineno)
        return ca->firstlineno < cb->firstlineno ? -1 : 1;
    if (ca != cb) {
        int by_name = strcmp(ca->qualname->data, cb->qualname->data);
        if (by_name)
            return by_name;
    }
    uint32_t na = bt_gen_number(a), nb = bt_gen_number(b);
    return na < nb ? -1 : na > nb;
}

/* The generators of the heap, after a collection (so only live ones), by
 * birth. *n gets the count; NULL when there are none or memory runs out. */
static BtGen **live_gens(BtThread *t, size_t *n) {
    bt_gc_collect(t);
    size_t count = 0;
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(t->interp, &walk); o; o = bt_gc_next(&walk))
        count += bt_is_framed_gen(t, bt_obj(o));
    *n = 0;
    BtGen **gens = count ? malloc(count * sizeof *gens) : NULL;
    if (!gens)
        return NULL;
    for (BtObject *o = bt_gc_first(t->interp, &walk); o; o = bt_gc_next(&walk))
        if (bt_is_framed_gen(t, bt_obj(o)))
            gens[(*n)++] = (BtGen *)o;
    qsort(gens, *n, sizeof *gens, by_birth);
    return gens;
}

static void print_bt(BtThread *t, BtStepper *st) {
    BtFrame *chain[512];
    int n = 0;
    for (BtFrame *f = t->frame; f && n < 512; f = f->back)
        chain[n++] = f;
    for (int i = n; i-- > 0;)
        frame_line(t, st, i == 0 ? ">" : " ", chain[i], "");
    size_t ngens;
    BtGen **gens = live_gens(t, &ngens);
    for (size_t i = 0; i < ngens; i++)
        if (bt_gen_state(gens[i]) == BT_GEN_SUSPENDED) {
            char bound[120], tail[140] = "  (suspended)";
            if (bt_trace_gen_binding(t, gens[i], bound, sizeof bound))
                snprintf(tail, sizeof tail, "  (suspended) = %s", bound);
            frame_line(t, st, " ", &gens[i]->frame, tail);
        }
    free(gens);
}

static const char *const GEN_STATES[] = {"created", "suspended", "running", "closed"};

/* "line 12" where g is paused (its first line before it starts), "" once closed. */
static void gen_where(BtGen *g, char *buf, size_t cap) {
    buf[0] = '\0';
    if (bt_gen_state(g) == BT_GEN_CREATED)
        snprintf(buf, cap, "line %d", g->frame.code->firstlineno);
    else if (bt_gen_state(g) != BT_GEN_DONE)
        snprintf(buf, cap, "line %d", bt_code_line(g->frame.code, bt_frame_lasti(&g->frame)));
}

/* Is the suspended g inside an `await` (its next instruction RESUME 3), not a `yield from`? */
static bool in_await(const BtGen *g) {
    BtInstr next = g->frame.ip[0];
    return BT_INSTR_OP(next) == BT_OP_RESUME && BT_INSTR_ARG(next) == 3;
}

/* "gen squared#1" when a suspended g is inside `yield from` another generator. */
static bool gen_delegate(BtThread *t, BtGen *g, char *buf, size_t cap) {
    BtValue sub = bt_gen_state(g) == BT_GEN_SUSPENDED ? bt_gen_yieldfrom(g) : BT_UNDEF;
    if (bt_is_framed_gen(t, sub)) {
        bt_trace_frame_name(&((BtGen *)bt_as_obj(sub))->frame, buf, cap);
        return true;
    }
    if (!bt_is_undef(sub)) {
        bt_trace_repr(t, sub, buf, cap);
        return true;
    }
    return false;
}

void bt_step_print_threads(BtThread *t, FILE *out) {
    BtThread *order[256];
    int n = 0;
    for (BtThread *th = t->interp->threads; th && n < 256; th = th->next_thread)
        order[n++] = th;
    for (int i = n - 1; i >= 0; i--) { /* the list is newest first */
        BtThread *th = order[i];
        char state[80], where[200] = "";
        int rs = th->run_state;
        const char *call = th->blocked_in;
        if (th == t)
            snprintf(state, sizeof state, "running");
        else if (rs != BT_THREAD_BLOCKED) /* only t can run while t holds the GIL */
            snprintf(state, sizeof state, "waiting for the GIL");
        else
            snprintf(state, sizeof state, "blocked in %s", call ? call : "a call");
        BtFrame *f = th->frame;
        if (f && f->code)
            snprintf(where, sizeof where, "%s:%d in %s", f->code->filename->data,
                     bt_code_line(f->code, bt_frame_lasti(f)), f->code->qualname->data);
        else if (!f)
            snprintf(where, sizeof where, "(no Python frame)");
        char text[400];
        int len = snprintf(text, sizeof text, "%s %-22s %-24s %s", th == t ? "*" : " ", th->name,
                           state, where);
        while (len > 0 && text[len - 1] == ' ')
            text[--len] = '\0';
        fprintf(out, "%s\n", text);
    }
}

void bt_step_print_gens(BtThread *t, FILE *out) {
    size_t n;
    BtGen **gens = live_gens(t, &n);
    if (n == 0)
        fputs("no live generators\n", out);
    for (size_t i = 0; i < n; i++) {
        BtGen *g = gens[i];
        char name[140], where[64], bound[120] = "", names[140] = "", sub[128], from[160] = "";
        char args[200] = "", with[220] = "";
        bt_trace_frame_name(&g->frame, name, sizeof name);
        gen_where(g, where, sizeof where);
        /* The globals naming it and its arguments: how a student knows which one it is. */
        if (bt_trace_gen_binding(t, g, bound, sizeof bound))
            snprintf(names, sizeof names, "  = %s", bound);
        if (bt_gen_state(g) != BT_GEN_DONE)
            bt_trace_args(t, &g->frame, args, sizeof args);
        if (*args)
            snprintf(with, sizeof with, "  (%s)", args);
        if (gen_delegate(t, g, sub, sizeof sub))
            snprintf(from, sizeof from, "  (in %s %s)", in_await(g) ? "await" : "yield from", sub);
        char task[200], as_task[220] = "";
        if (bt_scheduler_describe_gen(t, g, task, sizeof task))
            snprintf(as_task, sizeof as_task, "  [%s]", task);
        char text[1200];
        int len = snprintf(text, sizeof text, "  %-24s %-9s %-9s%s%s%s%s", name,
                           GEN_STATES[bt_gen_state(g)], where, names, with, from, as_task);
        while (len > 0 && text[len - 1] == ' ')
            text[--len] = '\0';
        fprintf(out, "%s\n", text);
    }
    free(gens);
}

/* Does `name` ("my_range#2", "gen my_range#2", "coro main#1" or a global
 * bound to it) name g? */
static bool gen_named(BtThread *t, BtGen *g, const char *name) {
    char own[140], bound[200];
    bt_trace_frame_name(&g->frame, own, sizeof own);
    const char *bare = strchr(own, ' '); /* after "gen " or "coro " */
    if (!strcmp(own, name) || (bare && !strcmp(bare + 1, name)))
        return true;
    if (!bt_trace_gen_binding(t, g, bound, sizeof bound))
        return false;
    size_t n = strlen(name);
    for (const char *p = bound; (p = strstr(p, name)); p += n)
        if ((p == bound || p[-1] == ' ') && (p[n] == '\0' || p[n] == ','))
            return true;
    return false;
}

BtGen *bt_step_find_gen(BtThread *t, const char *name) {
    size_t n;
    BtGen **gens = live_gens(t, &n);
    BtGen *found = NULL;
    for (size_t i = 0; i < n && !found; i++)
        if (gen_named(t, gens[i], name))
            found = gens[i];
    free(gens);
    return found;
}

bool bt_step_print_gen(BtThread *t, FILE *out, const char *name, BtStepSourceFn lookup,
                       void *data) {
    BtGen *g = bt_step_find_gen(t, name);
    if (!g)
        return false;
    BtStepper *st = bt_step_new(out, "", "", 0);
    if (!st)
        return true;
    bt_step_set_source_lookup(st, lookup, data);
    char own[140], bound[120], where[64], sub[128];
    bt_trace_frame_name(&g->frame, own, sizeof own);
    fprintf(out, "%s", own);
    if (bt_trace_gen_binding(t, g, bound, sizeof bound))
        fprintf(out, " = %s", bound);
    gen_where(g, where, sizeof where);
    fprintf(out, ": %s%s%s\n", GEN_STATES[bt_gen_state(g)], *where ? " at " : "", where);
    if (bt_gen_state(g) == BT_GEN_DONE) {
        bt_step_free(st);
        return true;
    }
    int line = bt_gen_state(g) == BT_GEN_CREATED ? g->frame.code->firstlineno
                                          : bt_code_line(g->frame.code, bt_frame_lasti(&g->frame));
    fputs("-> ", out);
    if (!source_line(out, source_of(t, st, g->frame.code), line))
        fputs("(no source)", out);
    fputc('\n', out);
    if (bt_gen_state(g) == BT_GEN_CREATED)
        fputs("waits on: its first next() (or send(None)) to start\n", out);
    else if (bt_gen_state(g) == BT_GEN_RUNNING)
        fputs("waits on: nothing, it is running\n", out);
    else if (gen_delegate(t, g, sub, sizeof sub))
        fprintf(out, "waits on: %s (%s: next()/send() go straight to it)\n", sub,
                in_await(g) ? "await" : "yield from");
    else
        fputs("waits on: next() or send() from whoever holds it\n", out);
    fputs("locals:\n", out);
    print_locals(t, st, &g->frame);
    bt_step_free(st);
    return true;
}

/* p EXPR: compile EXPR and run it with f's globals overlaid by its locals. */
static void print_expr(BtThread *t, BtStepper *st, BtFrame *f, const char *expr) {
    BtValue keep[2] = {BT_UNDEF, BT_UNDEF};
    BT_PUSH_ROOT(t, &keep[0]);
    BT_PUSH_ROOT(t, &keep[1]);
    BtCode *code = bt_compile_source(t, expr, strlen(expr), bt_str_intern_cstr(t, "<stdin>"),
                                     BT_COMPILE_EVAL);
    keep[0] = code ? bt_obj(code) : BT_UNDEF;
    BtDict *ns = code ? bt_dict_copy(t, f->globals) : NULL;
    keep[1] = ns ? bt_obj(ns) : BT_UNDEF;
    bool ok = ns != NULL;
    BtDict *body_ns = bt_frame_locals_dict(f);
    if (ok && body_ns && body_ns != f->globals)
        ok = bt_dict_update(t, ns, bt_obj(body_ns));
    BtCode *c = f->code;
    for (int i = 0; ok && i < c->nlocals + c->ncells + c->nfrees; i++) {
        BtStr *name;
        BtValue v = bt_frame_var(t, f, i, &name);
        if (!bt_is_undef(v))
            ok = bt_dict_set_str(t, ns, name, v);
    }
    BtValue r = ok ? bt_eval_module_code(t, code, ns) : BT_UNDEF;
    BT_PUSH_ROOT(t, &r);
    BtValue text = bt_is_undef(r) ? BT_UNDEF : bt_repr(t, r);
    if (!bt_is_undef(text)) {
        fprintf(st->out, "%s\n", bt_as_str(text)->data);
    } else {
        /* pdb's way: the error in one line, the program untouched. */
        BtValue exc = bt_take_exc(t);
        BT_PUSH_ROOT(t, &exc);
        BtValue msg = bt_is_undef(exc) ? BT_UNDEF : bt_str(t, exc);
        bt_take_exc(t);
        const char *tn = bt_is_undef(exc) ? "MemoryError" : bt_type_name(t, exc);
        if (!bt_is_undef(msg) && bt_as_str(msg)->size)
            fprintf(st->out, "*** %s: %s\n", tn, bt_as_str(msg)->data);
        else
            fprintf(st->out, "*** %s\n", tn);
        BT_POP_ROOT(t, 1);
    }
    BT_POP_ROOT(t, 3);
}

static const char *break_text(BtThread *t, BtStepper *st, BtCode *c) {
    size_t len;
    if (!c->filename || c->filename->data[0] != '<' || !st->lookup)
        return NULL;
    return st->lookup(t, c, &len, st->lookup_data);
}

static bool same_file(const char *want, const char *file) {
    return !strcmp(want, file) || !strcmp(want, basename_of(file));
}

/* Is there a line breakpoint at `line` of the code c runs? */
static bool line_has_break(BtThread *t, BtStepper *st, BtCode *c, int line) {
    const char *file = c->filename ? c->filename->data : "?";
    for (int i = 0; i < st->nbreaks; i++) {
        Break *b = &st->breaks[i];
        if (b->line == line && same_file(b->file, file) &&
            (!b->text || break_text(t, st, c) == b->text))
            return true;
    }
    return false;
}

static bool func_has_break(const BtStepper *st, BtCode *c) {
    for (int i = 0; i < st->nbreaks; i++) {
        const Break *b = &st->breaks[i];
        if (b->func[0] && (b->code ? b->code == c
                                   : (c->name && !strcmp(c->name->data, b->func)) ||
                                         (c->qualname && !strcmp(c->qualname->data, b->func))))
            return true;
    }
    return false;
}

static void print_break(BtStepper *st, const Break *b, const char *verb) {
    if (b->line)
        fprintf(st->out, "%s %d at %s:%d\n", verb, b->number, basename_of(b->file), b->line);
    else if (b->code)
        fprintf(st->out, "%s %d at %s (%s:%d)\n", verb, b->number, b->func,
                basename_of(b->code->filename ? b->code->filename->data : "?"),
                b->code->firstlineno);
    else
        fprintf(st->out, "%s %d at function %s\n", verb, b->number, b->func);
}

/* The function a dotted name ("join", "Scheduler.join") means in f's
 * namespace, looked up without calling anything; NULL when it means none. */
static BtCode *function_named(BtThread *t, BtFrame *f, const char *name) {
    char part[128];
    BtValue v = BT_UNDEF;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, ".");
        if (n == 0 || n >= sizeof part)
            return NULL;
        memcpy(part, p, n);
        part[n] = '\0';
        BtStr *key = bt_str_intern_cstr(t, part);
        if (!key) {
            bt_take_exc(t);
            return NULL;
        }
        if (bt_is_undef(v)) {
            if (bt_frame_locals_dict(f))
                v = bt_dict_get_str(bt_frame_locals_dict(f), key);
            if (bt_is_undef(v))
                v = bt_dict_get_str(f->globals, key);
        } else {
            BT_PUSH_ROOT(t, &v);
            v = bt_getattr_opt(t, v, key);
            BT_POP_ROOT(t, 1);
            bt_take_exc(t);
        }
        if (bt_is_undef(v))
            return NULL;
        p += n + (p[n] == '.');
    }
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, method))
        v = ((BtMethod *)bt_as_obj(v))->func;
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, function))
        return ((BtFunction *)bt_as_obj(v))->code;
    return NULL;
}

static void set_break(BtThread *t, BtStepper *st, BtFrame *f, const char *arg) {
    if (!*arg) {
        if (!st->nbreaks)
            fputs("no breakpoints\n", st->out);
        for (int i = 0; i < st->nbreaks; i++)
            print_break(st, &st->breaks[i], "Breakpoint");
        return;
    }
    if (st->nbreaks == MAX_BREAKS) {
        fputs("*** too many breakpoints\n", st->out);
        return;
    }
    Break b = {0};
    const char *colon = strrchr(arg, ':');
    const char *num = colon ? colon + 1 : arg;
    char *end;
    long line = strtol(num, &end, 10);
    bool is_line = end != num && !*end;
    if (is_line) {
        /* b LINE: this frame's file (its REPL input); b FILE:LINE: that file. */
        const char *file = f->code->filename ? f->code->filename->data : "?";
        Source *src;
        if (colon) {
            snprintf(b.file, sizeof b.file, "%.*s", (int)(colon - arg), arg);
            src = same_file(b.file, file) ? source_of(t, st, f->code) : source_for(st, b.file);
            if (same_file(b.file, file))
                b.text = break_text(t, st, f->code);
            if (!src && same_file(b.file, st->sources[0].name))
                src = &st->sources[0];
        } else {
            snprintf(b.file, sizeof b.file, "%s", file);
            src = source_of(t, st, f->code);
            b.text = break_text(t, st, f->code);
        }
        if (!src || line < 1 || line > src->nlines) {
            fprintf(st->out, "*** no line %s in %s\n", num, colon ? b.file : basename_of(b.file));
            return;
        }
        b.line = (int)line;
    } else {
        size_t n = strlen(arg);
        for (size_t i = 0; i < n; i++)
            if (!(isalnum((unsigned char)arg[i]) || arg[i] == '_' || arg[i] == '.' ||
                  (unsigned char)arg[i] >= 0x80)) {
                fprintf(st->out, "*** '%s' is not a line, FILE:LINE or function name\n", arg);
                return;
            }
        snprintf(b.func, sizeof b.func, "%s", arg);
        b.code = function_named(t, f, arg);
    }
    b.number = ++st->next_break;
    st->breaks[st->nbreaks++] = b;
    print_break(st, &b, "Breakpoint");
}

static void clear_break(BtStepper *st, const char *arg) {
    if (!*arg) {
        for (int i = 0; i < st->nbreaks; i++)
            print_break(st, &st->breaks[i], "Deleted breakpoint");
        st->nbreaks = 0;
        return;
    }
    const char *colon = strrchr(arg, ':');
    char *end;
    long v = strtol(colon ? colon + 1 : arg, &end, 10);
    char want[256] = "";
    if (colon)
        snprintf(want, sizeof want, "%.*s", (int)(colon - arg), arg);
    for (int i = 0; i < st->nbreaks && !*end; i++) {
        Break *b = &st->breaks[i];
        bool hit = colon ? b->line == v && same_file(want, b->file) : b->number == v;
        if (hit) {
            print_break(st, b, "Deleted breakpoint");
            memmove(b, b + 1, (size_t)(st->nbreaks - i - 1) * sizeof *b);
            st->nbreaks--;
            return;
        }
    }
    fprintf(st->out, "*** no breakpoint %s\n", arg);
}

/* ---- stopping ---- */

/* Read and run commands until one resumes the program. */
static void interact(BtThread *t, BtStepper *st, BtFrame *f, uint32_t index) {
    give_back_sigint(st);
    print_where(t, st, f, index, st->go == GO_INSTR);
    for (;;) {
        fflush(st->out);
        char *line = NULL;
        BtReadStatus rs = bt_repl_read_line(t->interp, "(step) ", &line);
        if (rs == BT_READ_INTERRUPT)
            continue;
        if (rs == BT_READ_EOF) {
            st->go = GO_QUIT; /* no more commands: let the program run to its end */
            return;
        }
        char *cmd = line;
        while (isspace((unsigned char)*cmd))
            cmd++;
        size_t n = strlen(cmd);
        while (n && isspace((unsigned char)cmd[n - 1]))
            cmd[--n] = '\0';
        if (!*cmd)
            cmd = st->last_cmd;
        else
            snprintf(st->last_cmd, sizeof st->last_cmd, "%s", cmd);
        char word[16] = "";
        size_t wl = strcspn(cmd, " \t");
        if (wl < sizeof word)
            memcpy(word, cmd, wl);
        const char *arg = cmd + wl;
        while (isspace((unsigned char)*arg))
            arg++;
        bool resume = true;
        if (!strcmp(word, "s") || !strcmp(word, "step")) {
            st->go = GO_STEP;
        } else if (!strcmp(word, "n") || !strcmp(word, "next")) {
            st->go = GO_NEXT;
            st->target = f;
        } else if (!strcmp(word, "si") || !strcmp(word, "stepi")) {
            st->go = GO_INSTR;
        } else if (!strcmp(word, "f") || !strcmp(word, "finish") || !strcmp(word, "r") ||
                   !strcmp(word, "return")) {
            st->go = GO_FINISH;
            st->target = f;
        } else if (!strcmp(word, "unt") || !strcmp(word, "until")) {
            char *end;
            long until = *arg ? strtol(arg, &end, 10) : 0;
            int here = bt_code_line(f->code, index);
            if (*arg && *end) {
                fprintf(st->out, "*** Error in argument: '%s'\n", arg);
                resume = false;
            } else if (*arg && until <= here) {
                fprintf(st->out, "*** \"until\" line number is smaller than current line number\n");
                resume = false;
            } else {
                st->go = GO_UNTIL;
                st->target = f;
                st->until_line = *arg ? (int)until - 1 : here;
            }
        } else if (!strcmp(word, "c") || !strcmp(word, "continue")) {
            st->go = GO_CONTINUE;
        } else if (!strcmp(word, "q") || !strcmp(word, "quit")) {
            st->go = GO_QUIT;
            st->quit = true;
        } else {
            resume = false;
            if (!strcmp(word, "b") || !strcmp(word, "break"))
                set_break(t, st, f, arg);
            else if (!strcmp(word, "cl") || !strcmp(word, "clear"))
                clear_break(st, arg);
            else if (!strcmp(word, "l") || !strcmp(word, "list"))
                print_list(t, st, f, index, false);
            else if (!strcmp(word, "ll") || !strcmp(word, "longlist"))
                print_list(t, st, f, index, true);
            else if (!strcmp(word, "bt") || !strcmp(word, "w") || !strcmp(word, "where"))
                print_bt(t, st);
            else if (!strcmp(word, "stack")) {
                char stack[1024];
                bt_trace_stack(t, f, stack, sizeof stack, 900);
                fprintf(st->out, "%s\n", stack);
            } else if (!strcmp(word, "locals"))
                print_locals(t, st, f);
            else if (!strcmp(word, "gens") && !*arg)
                bt_step_print_gens(t, st->out);
            else if (!strcmp(word, "threads"))
                bt_step_print_threads(t, st->out);
            else if (!strcmp(word, "gens")) {
                if (!bt_step_print_gen(t, st->out, arg, st->lookup, st->lookup_data))
                    fprintf(st->out, "*** no live generator '%s'\n", arg);
            }
            else if (!strcmp(word, "p") || !strcmp(word, "print"))
                print_expr(t, st, f, arg);
            else if (!strcmp(word, "h") || !strcmp(word, "help"))
                fputs(HELP, st->out);
            else if (*word)
                fprintf(st->out, "*** unknown command '%s' (type help)\n", word);
        }
        free(line);
        if (resume) {
            interrupted = 0; /* a Ctrl-C typed at the prompt is not for the run */
            if (st->go != GO_QUIT)
                take_sigint(st);
            return;
        }
    }
}

static void on_instr(BtThread *t, BtStepper *st, BtFrame *f, uint32_t index) {
    Rec *r = rec_enter(st, f);
    if (!r)
        return;
    BtCode *c = f->code;
    int line = bt_code_line(c, index);
    /* RESUME is the frame starting, not a line; an unconditional jump back
     * belongs to the loop's last line (CPython numbers it so), and the loop
     * header's line starts again at the jump target. */
    int op = BT_INSTR_OP(c->instrs[index]);
    bool skip = op == BT_OP_RESUME || op == BT_OP_JUMP_BACKWARD || line <= 0;
    bool new_line = !skip && (line != r->line || index <= r->index);
    bool first_line = new_line && r->fresh;
    r->index = index;
    if (!skip) {
        r->line = line;
        r->fresh = false;
    }
    bool stop;
    switch (st->go) {
    case GO_INSTR:
    case GO_ANY:
        stop = true;
        break;
    case GO_STEP:
        stop = new_line;
        break;
    case GO_NEXT:
        stop = new_line && f == st->target;
        break;
    case GO_UNTIL:
        stop = new_line && f == st->target && line > st->until_line;
        break;
    default:
        stop = false;
        break;
    }
    if (interrupted || bt_sigint_pending(t->interp)) {
        /* Ctrl-C while the program runs: pause here, as pdb does. */
        interrupted = 0;
        bt_sigint_clear(t->interp);
        fflush(stdout);
        fputs("\nProgram interrupted. (Use 'cont' to resume).\n", st->out);
        stop = true;
    }
    if (!stop && new_line &&
        (line_has_break(t, st, c, line) || (first_line && func_has_break(st, c))))
        stop = true;
    if (!stop) {
        st->last_frame = f;
        st->last_code = c;
        st->last_index = index;
        return;
    }
    interact(t, st, f, index);
    st->last_frame = f;
    st->last_code = c;
    st->last_index = index;
    if (st->quit)
        bt_raise_empty(t, BT_EXC(t, SystemExit)); /* unwinds the program; finally blocks run */
}

static void on_event(BtThread *t, const BtEvent *ev, void *data) {
    BtStepper *st = data;
    if (st->go == GO_QUIT)
        return;
    BtHook *hook = t->hook;
    t->hook = NULL; /* what the commands run is not stepped */
    BtValue saved = bt_take_exc(t);
    BtEvent e = *ev;
    BT_PUSH_ROOT(t, &saved);
    BT_PUSH_ROOT(t, &e.value);
    BT_PUSH_ROOT(t, &e.exc);
    bool leaving = false;
    switch (e.kind) {
    case BT_EV_INSTR:
        on_instr(t, st, e.frame, e.index);
        break;
    case BT_EV_CALL:
    case BT_EV_RESUME: {
        Rec *r = rec_enter(st, e.frame);
        if (r) {
            r->line = -1;
            r->fresh = e.kind == BT_EV_CALL || e.index == 0; /* a generator's start */
        }
        break;
    }
    case BT_EV_RETURN:
    case BT_EV_SUSPEND:
    case BT_EV_GEN_FINISH:
    case BT_EV_EXCEPTION:
        leaving = true;
        rec_leave(st, e.frame);
        break;
    default:
        break;
    }
    /* Events are worth a line while stepping closely, or for the watched frame. */
    bool watched = (st->go == GO_NEXT || st->go == GO_FINISH || st->go == GO_UNTIL) &&
                   e.frame == st->target;
    if (e.kind != BT_EV_INSTR && (st->go == GO_STEP || st->go == GO_INSTR || watched)) {
        char text[400];
        bt_trace_event_text(t, &e, text, sizeof text);
        fflush(stdout);
        if (text[0])
            fprintf(st->out, "%s\n", text);
    }
    if (leaving && (st->go == GO_STEP || watched))
        st->go = GO_ANY;
    BT_POP_ROOT(t, 3);
    if (!bt_has_exc(t)) /* keep a SystemExit raised by q; else give back the exception in flight */
        t->exc = saved;
    /* After q or the end of the commands the program runs on at full speed. */
    t->hook = st->go == GO_QUIT ? NULL : hook;
    if (st->go == GO_QUIT)
        give_back_sigint(st);
}

BtStepper *bt_step_new(FILE *out, const char *filename, const char *src, size_t len) {
    BtStepper *st = calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->out = out;
    st->go = GO_STEP;
    st->hook.fn = on_event;
    st->hook.data = st;
    st->hook.instructions = true;
    if (!source_fill(&st->sources[0], filename, src, len)) {
        bt_step_free(st);
        return NULL;
    }
    st->nsources = 1;
    return st;
}

void bt_step_free(BtStepper *st) {
    if (!st)
        return;
    give_back_sigint(st);
    for (int i = 0; i < MAX_SOURCES; i++)
        source_free(&st->sources[i]);
    source_free(&st->scratch);
    free(st->recs);
    free(st);
}

void bt_step_attach(BtThread *t, BtStepper *st) {
    st->go = GO_STEP;
    st->quit = false;
    st->nrecs = 0;
    st->last_frame = NULL;
    st->hook.instructions = true;
    t->hook = &st->hook;
    interrupted = 0;
    take_sigint(st);
}

void bt_step_detach(BtThread *t, BtStepper *st) {
    give_back_sigint(st);
    if (t->hook == &st->hook)
        t->hook = NULL;
    fflush(st->out);
}

void bt_step_set_source_lookup(BtStepper *st, BtStepSourceFn lookup, void *data) {
    st->lookup = lookup;
    st->lookup_data = data;
}

bool bt_step_quit_requested(const BtStepper *st) {
    return st->quit;
}
