/* timeline.c: pictures of a run (repl stage; see timeline.h).
 *
 * Recording: the hook turns VM events into marks on lanes. A lane is a
 * thread (found by its ident) or a generator instance (found by its code
 * and instance number, which outlive the object: a generator's address can
 * be reused once it is collected). A generator's lane starts when the
 * recorder first sees it: on top of a frame's stack right after the call
 * that made it, or at its first resume. Every resume is an arrow from the
 * resumer's lane (the frame below it: another generator, or the thread) to
 * the generator's, labelled with the value sent; every suspend an arrow
 * back with the value yielded.
 *
 * Drawing: time runs left to right (instructions, or microseconds), one row
 * per lane. Arrows happen at one instant, so they are vertical, like the
 * messages of a sequence diagram turned on its side. A long run is folded:
 * only the first MAX_ARROWS hand-offs are drawn, and a note says how much
 * was left out.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "repl/timeline.h"
#include "repl/trace.h"
#include "vm/gen.h"

#define MAX_LANES 64     /* lanes drawn; later generators are counted in a note */
#define MAX_ARROWS 240   /* hand-offs drawn before the picture is folded */
#define LABEL_CAP 24     /* bytes of a value's short repr on an arrow */

typedef enum {
    MK_CREATE, /* the lane's generator was made */
    MK_RUN,    /* it starts or resumes running */
    MK_STOP,   /* it suspends */
    MK_FINISH, /* it returns or raises: the lane ends */
    MK_SEND,   /* arrow other -> lane: the value sent in */
    MK_YIELD,  /* arrow lane -> other: the value yielded (or returned) */
    MK_NOTE,   /* a GIL or scheduler event on a thread lane */
    MK_TAKE,   /* the lane's thread takes the GIL */
    MK_WAIT,   /* it was made to hand the GIL over: now waits for it */
    MK_BLOCK,  /* it gave the GIL up for a blocking call (the label names it) */
    MK_EXIT,   /* the thread ends */
} MarkKind;

typedef struct {
    uint8_t kind;
    int16_t lane, other;
    uint64_t time;
    char label[LABEL_CAP];
} Mark;

typedef struct {
    bool is_thread;
    uint64_t ident;    /* a thread's ident */
    const BtCode *code; /* a generator's code and number */
    uint32_t number;
    int thread;        /* the thread number (T1, T2...) it last ran on */
    char name[112];    /* "T1" or "gen my_range#2" */
    char bound[64];    /* a global of __main__ naming it, when one did */
} Lane;

struct BtTimeline {
    BtHook hook;
    bool wall;
    uint64_t clock;      /* instructions executed, when !wall */
    struct timespec t0;  /* the start, when wall */
    bool started;
    Lane lanes[MAX_LANES];
    int nlanes;
    int lanes_dropped;   /* generators beyond MAX_LANES */
    int nthreads;
    Mark *marks;
    size_t nmarks, cap;
    bool out_of_memory;
};

/* ---- recording ---- */

static uint64_t now(BtTimeline *tl) {
    if (!tl->wall)
        return tl->clock;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)(ts.tv_sec - tl->t0.tv_sec) * 1000000u +
           (uint64_t)((ts.tv_nsec - tl->t0.tv_nsec) / 1000);
}

static void mark(BtTimeline *tl, MarkKind kind, int lane, int other, const char *label) {
    if (lane < 0)
        return;
    if (tl->nmarks == tl->cap) {
        size_t cap = tl->cap ? tl->cap * 2 : 1024;
        Mark *grown = realloc(tl->marks, cap * sizeof *grown);
        if (!grown) {
            tl->out_of_memory = true;
            return;
        }
        tl->marks = grown;
        tl->cap = cap;
    }
    Mark *m = &tl->marks[tl->nmarks++];
    m->kind = (uint8_t)kind;
    m->lane = (int16_t)lane;
    m->other = (int16_t)other;
    m->time = now(tl);
    snprintf(m->label, sizeof m->label, "%s", label ? label : "");
}

static int thread_lane(BtTimeline *tl, BtThread *t) {
    for (int i = 0; i < tl->nlanes; i++)
        if (tl->lanes[i].is_thread && tl->lanes[i].ident == t->ident)
            return i;
    if (tl->nlanes == MAX_LANES)
        return -1;
    Lane *l = &tl->lanes[tl->nlanes];
    memset(l, 0, sizeof *l);
    l->is_thread = true;
    l->ident = t->ident;
    l->thread = ++tl->nthreads;
    snprintf(l->name, sizeof l->name, "T%d %s", l->thread, t->name[0] ? t->name : "(thread)");
    return tl->nlanes++;
}

/* The number (1 for T1) of thread t. */
static int thread_number(BtTimeline *tl, BtThread *t) {
    int lane = thread_lane(tl, t);
    return lane >= 0 ? tl->lanes[lane].thread : 1;
}

/* The lane of generator g, made (with a creation mark) when new; -1 when
 * there is no room for more lanes. */
static int gen_lane(BtTimeline *tl, BtThread *t, BtGen *g) {
    for (int i = 0; i < tl->nlanes; i++)
        if (!tl->lanes[i].is_thread && tl->lanes[i].code == g->frame.code &&
            tl->lanes[i].number == bt_gen_number(g))
            return i;
    if (tl->nlanes == MAX_LANES) {
        tl->lanes_dropped++;
        return -1;
    }
    Lane *l = &tl->lanes[tl->nlanes];
    memset(l, 0, sizeof *l);
    l->code = g->frame.code;
    l->number = bt_gen_number(g);
    bt_trace_frame_name(&g->frame, l->name, sizeof l->name);
    int lane = tl->nlanes++;
    l->thread = thread_number(tl, t);
    mark(tl, MK_CREATE, lane, -1, NULL);
    return lane;
}

/* The lane a frame belongs to: its generator's, else its thread's. */
static int frame_lane(BtTimeline *tl, BtThread *t, BtFrame *f) {
    return f && bt_frame_gen(f) ? gen_lane(tl, t, bt_frame_gen(f)) : thread_lane(tl, t);
}

/* The global naming g as it suspends or ends (kept when none does now). */
static void remember_binding(BtTimeline *tl, BtThread *t, int lane, BtGen *g) {
    char bound[sizeof tl->lanes[0].bound];
    if (lane >= 0 && bt_trace_gen_binding(t, g, bound, sizeof bound))
        memcpy(tl->lanes[lane].bound, bound, sizeof bound);
}

/* At the end: a generator still alive and named by a global is shown by
 * that name; one that the name no longer holds as "was NAME". */
static void final_bindings(BtTimeline *tl, BtThread *t) {
    bool live[MAX_LANES] = {false};
    BtHeapWalk walk;
    for (BtObject *o = bt_gc_first(t->interp, &walk); o; o = bt_gc_next(&walk)) {
        if (!bt_is_framed_gen(t, bt_obj(o)))
            continue;
        BtGen *g = (BtGen *)o;
        for (int i = 0; i < tl->nlanes; i++)
            if (!tl->lanes[i].is_thread && tl->lanes[i].code == g->frame.code &&
                tl->lanes[i].number == bt_gen_number(g)) {
                char bound[sizeof tl->lanes[0].bound];
                if (bt_trace_gen_binding(t, g, bound, sizeof bound)) {
                    memcpy(tl->lanes[i].bound, bound, sizeof bound);
                    live[i] = true;
                }
            }
    }
    for (int i = 0; i < tl->nlanes; i++)
        if (!live[i] && tl->lanes[i].bound[0] && strncmp(tl->lanes[i].bound, "was ", 4)) {
            char was[sizeof tl->lanes[0].bound];
            snprintf(was, sizeof was, "was %s", tl->lanes[i].bound);
            memcpy(tl->lanes[i].bound, was, sizeof was);
        }
}

/* A generator just made by a call sits on top of the caller's stack. */
static void notice_new_gen(BtTimeline *tl, BtThread *t, BtFrame *f) {
    BtCode *c = f->code;
    BtValue *base = bt_frame_slots(f) + c->nlocals + c->ncells + c->nfrees;
    if (!f->sp || f->sp <= base || f->sp > base + c->stacksize)
        return;
    BtValue top = f->sp[-1];
    if (bt_is_framed_gen(t, top) &&
        bt_gen_state((BtGen *)bt_as_obj(top)) == BT_GEN_CREATED)
        gen_lane(tl, t, (BtGen *)bt_as_obj(top));
}

static void on_event(BtThread *t, const BtEvent *ev, void *data) {
    BtTimeline *tl = data;
    BtEvent e = *ev;
    BT_PUSH_ROOT(t, &e.value);
    BT_PUSH_ROOT(t, &e.exc);
    char label[LABEL_CAP] = "";
    if (!bt_is_undef(e.value))
        bt_trace_repr(t, e.value, label, sizeof label);
    thread_lane(tl, t); /* threads get their lanes first, in the order they show up */
    switch (e.kind) {
    case BT_EV_INSTR:
        tl->clock++;
        notice_new_gen(tl, t, e.frame);
        break;
    case BT_EV_RESUME: {
        int lane = gen_lane(tl, t, bt_frame_gen(e.frame));
        int from = frame_lane(tl, t, e.frame->back);
        if (lane >= 0)
            tl->lanes[lane].thread = thread_number(tl, t);
        if (!bt_is_undef(e.exc)) {
            const char *tn = bt_type_name(t, e.exc);
            snprintf(label, sizeof label, "throw %s", tn ? tn : "?");
        } else if (e.index == 0) {
            snprintf(label, sizeof label, "start");
        }
        mark(tl, MK_SEND, lane, from, label);
        mark(tl, MK_RUN, lane, -1, NULL);
        break;
    }
    case BT_EV_SUSPEND: {
        int lane = gen_lane(tl, t, bt_frame_gen(e.frame));
        remember_binding(tl, t, lane, bt_frame_gen(e.frame));
        mark(tl, MK_STOP, lane, -1, NULL);
        mark(tl, MK_YIELD, lane, frame_lane(tl, t, e.frame->back), label);
        break;
    }
    case BT_EV_GEN_FINISH: {
        int lane = gen_lane(tl, t, bt_frame_gen(e.frame));
        remember_binding(tl, t, lane, bt_frame_gen(e.frame));
        char ret[LABEL_CAP];
        snprintf(ret, sizeof ret, "return %s", bt_is_undef(e.value) ? "(raised)" : label);
        mark(tl, MK_FINISH, lane, -1, NULL);
        mark(tl, MK_YIELD, lane, frame_lane(tl, t, e.frame->back), ret);
        break;
    }
    case BT_EV_EXCEPTION: /* an exception leaving a generator's frame ends it */
        if (e.frame && bt_frame_gen(e.frame)) {
            int lane = gen_lane(tl, t, bt_frame_gen(e.frame));
            const char *tn = bt_type_name(t, e.exc);
            char raised[LABEL_CAP];
            snprintf(raised, sizeof raised, "raise %s", tn ? tn : "?");
            mark(tl, MK_FINISH, lane, -1, NULL);
            mark(tl, MK_YIELD, lane, frame_lane(tl, t, e.frame->back), raised);
        }
        break;
    case BT_EV_GIL: {
        /* The thread's lane shows when it holds the GIL, waits for it, or
         * is blocked in a call (gil.c words the details). */
        const char *d = e.detail ? e.detail : "";
        const char *call = strstr(d, "(blocking call: ");
        int lane = thread_lane(tl, t);
        if (!strncmp(d, "take by ", 8))
            mark(tl, MK_TAKE, lane, -1, NULL);
        else if (call) {
            char what[LABEL_CAP];
            snprintf(what, sizeof what, "%s", call + 16);
            what[strcspn(what, ")")] = '\0';
            mark(tl, MK_BLOCK, lane, -1, what);
        } else if (strstr(d, "(forced)"))
            mark(tl, MK_WAIT, lane, -1, NULL);
        else if (strstr(d, "(thread exit)"))
            mark(tl, MK_EXIT, lane, -1, NULL);
        break;
    }
    case BT_EV_SCHED:
        mark(tl, MK_NOTE, thread_lane(tl, t), -1, e.detail);
        break;
    default:
        break;
    }
    BT_POP_ROOT(t, 2);
}

BtTimeline *bt_timeline_new(bool wall_clock) {
    BtTimeline *tl = calloc(1, sizeof *tl);
    if (!tl)
        return NULL;
    tl->wall = wall_clock;
    tl->hook.fn = on_event;
    tl->hook.data = tl;
    tl->hook.instructions = true; /* the clock and new generators need every instruction */
    tl->hook.all_threads = true;
    return tl;
}

void bt_timeline_free(BtTimeline *tl) {
    if (!tl)
        return;
    free(tl->marks);
    free(tl);
}

void bt_timeline_attach(BtThread *t, BtTimeline *tl) {
    if (!tl->started) {
        clock_gettime(CLOCK_MONOTONIC, &tl->t0);
        tl->started = true;
    }
    t->hook = &tl->hook;
    thread_lane(tl, t);
}

void bt_timeline_detach(BtThread *t, BtTimeline *tl) {
    if (t->hook == &tl->hook)
        t->hook = NULL;
    tl->clock++; /* the end of the run is one tick after its last instruction */
    final_bindings(tl, t);
    mark(tl, MK_NOTE, thread_lane(tl, t), -1, NULL);
}

/* ---- drawing ---- */

enum {
    LEFT = 250,   /* room for lane names */
    TOP = 56,     /* title and axis */
    LANE_H = 34,
    BAR_H = 14,
    RIGHT = 40,
};

/* Text made safe for XML and JSON alike (no markup, quotes or controls). */
static void put_text(FILE *out, const char *s, bool json) {
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '<')
            fputs(json ? "<" : "&lt;", out);
        else if (c == '>')
            fputs(json ? ">" : "&gt;", out);
        else if (c == '&')
            fputs(json ? "&" : "&amp;", out);
        else if (c == '"')
            fputs(json ? "\\\"" : "&quot;", out);
        else if (c == '\\')
            fputs(json ? "\\\\" : "\\", out);
        else if (c < 0x20)
            fprintf(out, json ? "\\u%04x" : " ", c);
        else
            fputc(c, out);
    }
}

/* A round step for axis ticks: 1, 2 or 5 times a power of ten. */
static uint64_t nice_step(uint64_t span) {
    uint64_t step = 1;
    while (step * 10 < span) {
        if (step * 20 >= span)
            return step * 2;
        if (step * 50 >= span)
            return step * 5;
        step *= 10;
    }
    return step;
}

typedef struct {
    uint64_t t0, t_end; /* the drawn span (t_end earlier than the run's end when folded) */
    double scale;       /* pixels per clock unit */
    size_t nmarks;      /* marks drawn */
    size_t arrows_left; /* hand-offs not drawn */
} Layout;

static Layout layout(const BtTimeline *tl) {
    Layout lo = {0};
    lo.nmarks = tl->nmarks;
    lo.t0 = tl->nmarks ? tl->marks[0].time : 0;
    lo.t_end = tl->nmarks ? tl->marks[tl->nmarks - 1].time : 1;
    size_t arrows = 0;
    for (size_t i = 0; i < tl->nmarks; i++) {
        const Mark *m = &tl->marks[i];
        if (m->kind != MK_SEND && m->kind != MK_YIELD)
            continue;
        if (++arrows > MAX_ARROWS && lo.nmarks == tl->nmarks) {
            lo.nmarks = i;
            lo.t_end = m->time;
        }
    }
    if (lo.nmarks < tl->nmarks)
        lo.arrows_left = arrows - MAX_ARROWS;
    if (lo.t_end <= lo.t0)
        lo.t_end = lo.t0 + 1;
    double span = (double)(lo.t_end - lo.t0);
    lo.scale = 1400.0 / span;
    if (lo.scale > 8)
        lo.scale = 8;
    return lo;
}

static double xpos(const Layout *lo, uint64_t t) {
    return LEFT + (double)(t - lo->t0) * lo->scale;
}

static double ypos(int lane) {
    return TOP + lane * LANE_H + LANE_H / 2.0;
}

/* A thread: holding the GIL (a bar), waiting for it (dotted), blocked in a
 * call (a thin line, the call named once), from its first event to its exit. */
static void draw_thread_lane(const BtTimeline *tl, const Layout *lo, int lane, double y,
                             FILE *out) {
    enum { NOT_YET, HOLDS, WAITS, BLOCKED, ENDED } state = NOT_YET;
    uint64_t since = lo->t0;
    const char *call = "";
    for (size_t i = 0; i <= lo->nmarks && state != ENDED; i++) {
        const Mark *m = i < lo->nmarks ? &tl->marks[i] : NULL;
        if (m && m->lane != lane && m->other != lane)
            continue;
        if (state == NOT_YET) { /* a thread holds the GIL when first seen */
            state = HOLDS;
            since = m ? m->time : lo->t_end;
        }
        bool change = !m || (m->lane == lane && (m->kind == MK_TAKE || m->kind == MK_WAIT ||
                                                 m->kind == MK_BLOCK || m->kind == MK_EXIT));
        if (!change)
            continue;
        uint64_t until = m ? m->time : lo->t_end;
        double x0 = xpos(lo, since), x1 = xpos(lo, until);
        if (state == HOLDS)
            fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" class=\"gil\"/>\n",
                    x0, y - BAR_H / 2.0, x1 - x0 > 1 ? x1 - x0 : 1, BAR_H);
        else if (state == WAITS || state == BLOCKED)
            fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n",
                    x0, y, x1, y, state == WAITS ? "waitgil" : "blocked");
        if (state == BLOCKED && x1 - x0 > 40) {
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"label\">", x0 + 2, y - 4);
            put_text(out, call, false);
            fputs("</text>\n", out);
        }
        if (!m)
            break;
        since = m->time;
        state = m->kind == MK_TAKE ? HOLDS
                : m->kind == MK_WAIT ? WAITS
                : m->kind == MK_BLOCK ? BLOCKED
                : ENDED;
        call = m->label;
    }
}

static void draw_lane(const BtTimeline *tl, const Layout *lo, int lane, FILE *out) {
    const Lane *l = &tl->lanes[lane];
    double y = ypos(lane);
    fprintf(out, "<text x=\"8\" y=\"%.1f\" class=\"name\">", y + 4);
    put_text(out, l->name, false);
    if (l->bound[0]) {
        fputs(strncmp(l->bound, "was ", 4) ? " = " : " (", out);
        put_text(out, l->bound, false);
        fputs(strncmp(l->bound, "was ", 4) ? "" : ")", out);
    }
    fputs("</text>\n", out);
    if (l->is_thread) {
        draw_thread_lane(tl, lo, lane, y, out);
        return;
    }
    /* A generator: created (dashed), running (bar), suspended (thin), finished (x). */
    enum { NONE, CREATED, RUNNING, SUSPENDED, DONE } state = NONE;
    uint64_t since = lo->t0;
    for (size_t i = 0; i < lo->nmarks; i++) {
        const Mark *m = &tl->marks[i];
        if (m->lane != lane)
            continue;
        double x0 = xpos(lo, since), x1 = xpos(lo, m->time);
        switch (m->kind) {
        case MK_CREATE:
            state = CREATED;
            since = m->time;
            break;
        case MK_RUN:
            if (state == CREATED)
                fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"created\"/>\n",
                        x0, y, x1, y);
            else if (state == SUSPENDED)
                fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"suspended\"/>\n",
                        x0, y, x1, y);
            state = RUNNING;
            since = m->time;
            break;
        case MK_STOP:
        case MK_FINISH:
            if (state == RUNNING)
                fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" class=\"running\"/>\n",
                        x0, y - BAR_H / 2.0, x1 - x0 > 1 ? x1 - x0 : 1, BAR_H);
            state = m->kind == MK_STOP ? SUSPENDED : DONE;
            since = m->time;
            if (state == DONE)
                fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"done\">\u00d7</text>\n", x1 + 2, y + 5);
            break;
        default:
            break;
        }
    }
    double x0 = xpos(lo, since), x1 = xpos(lo, lo->t_end);
    if (state == CREATED || state == SUSPENDED)
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n", x0, y,
                x1, y, state == CREATED ? "created" : "suspended");
    else if (state == RUNNING)
        fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" class=\"running\"/>\n",
                x0, y - BAR_H / 2.0, x1 - x0 > 1 ? x1 - x0 : 1, BAR_H);
}

static void draw_arrows(const BtTimeline *tl, const Layout *lo, FILE *out) {
    double last_label_x = -100;
    for (size_t i = 0; i < lo->nmarks; i++) {
        const Mark *m = &tl->marks[i];
        if ((m->kind != MK_SEND && m->kind != MK_YIELD) || m->other < 0 || m->other == m->lane)
            continue;
        int from = m->kind == MK_SEND ? m->other : m->lane;
        int to = m->kind == MK_SEND ? m->lane : m->other;
        double x = xpos(lo, m->time);
        double y0 = ypos(from), y1 = ypos(to);
        double gap = y1 > y0 ? BAR_H / 2.0 + 1 : -(BAR_H / 2.0 + 1);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"%s\"/>\n", x,
                y0 + gap, x, y1 - gap, m->kind == MK_SEND ? "send" : "yield");
        if (m->label[0] && x - last_label_x >= 14) {
            fprintf(out, "<text x=\"%.1f\" y=\"%.1f\" class=\"label %s\">", x + 2,
                    (y0 + y1) / 2 + 3, m->kind == MK_SEND ? "sendl" : "yieldl");
            put_text(out, m->label, false);
            fputs("</text>\n", out);
            last_label_x = x;
        }
    }
}

bool bt_timeline_write_svg(const BtTimeline *tl, FILE *out) {
    Layout lo = layout(tl);
    int nl = tl->nlanes ? tl->nlanes : 1;
    double plot_w = (double)(lo.t_end - lo.t0) * lo.scale;
    int width = LEFT + (int)plot_w + RIGHT + 60;
    int legend_y = TOP + nl * LANE_H + 30;
    bool threads = tl->nthreads > 1; /* a third legend row for the GIL's states */
    int height = legend_y + (threads ? 98 : 70);
    const char *unit = tl->wall ? "microseconds" : "instructions";
    fprintf(out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\">\n",
            width, height, width, height);
    fputs("<defs>\n"
          "<marker id=\"hs\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
          "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f5fbf\"/></marker>\n"
          "<marker id=\"hy\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" "
          "markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d9731a\"/></marker>\n"
          "<style>\n"
          "text { font-family: DejaVu Sans Mono, monospace; font-size: 12px; fill: #222; }\n"
          ".title { font-size: 14px; font-weight: bold; }\n"
          ".label { font-size: 10px; }\n"
          ".sendl { fill: #1f5fbf; } .yieldl { fill: #a0500f; }\n"
          ".axis { stroke: #999; stroke-width: 1; } .tick { font-size: 10px; fill: #666; }\n"
          ".running { fill: #3c8d5a; } .gil { fill: #b9dfc5; }\n"
          ".suspended { stroke: #777; stroke-width: 2; }\n"
          ".created { stroke: #777; stroke-width: 2; stroke-dasharray: 4 3; }\n"
          ".done { font-size: 14px; fill: #b22; }\n"
          ".send { stroke: #1f5fbf; stroke-width: 1.2; marker-end: url(#hs); }\n"
          ".yield { stroke: #d9731a; stroke-width: 1.2; marker-end: url(#hy); }\n"
          ".note { font-size: 11px; fill: #a33; }\n"
          ".waitgil { stroke: #3c8d5a; stroke-width: 2; stroke-dasharray: 1 3; }\n"
          ".blocked { stroke: #7a5ab8; stroke-width: 2; }\n"
          "</style>\n</defs>\n",
          out);
    fprintf(out, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n", width,
            height);
    fprintf(out, "<text x=\"8\" y=\"20\" class=\"title\">Baton timeline: time in %s</text>\n",
            unit);
    /* The axis, with round ticks. */
    uint64_t span = lo.t_end - lo.t0, step = nice_step(span);
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"axis\"/>\n", LEFT,
            TOP - 8, xpos(&lo, lo.t_end), TOP - 8);
    for (uint64_t v = 0; v <= span; v += step) {
        double x = xpos(&lo, lo.t0 + v);
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"axis\"/>\n", x,
                TOP - 12, x, TOP + nl * LANE_H);
        fprintf(out, "<text x=\"%.1f\" y=\"%d\" class=\"tick\">%llu</text>\n", x + 2, TOP - 14,
                (unsigned long long)v);
    }
    for (int i = 0; i < tl->nlanes; i++)
        draw_lane(tl, &lo, i, out);
    draw_arrows(tl, &lo, out);
    /* The notes: what was left out. */
    int ny = TOP + nl * LANE_H + 14;
    if (lo.arrows_left)
        fprintf(out,
                "<text x=\"8\" y=\"%d\" class=\"note\">folded: the run goes on for %llu more %s "
                "with %zu more hand-offs, not drawn</text>\n",
                ny, (unsigned long long)(tl->marks[tl->nmarks - 1].time - lo.t_end), unit,
                lo.arrows_left);
    if (tl->lanes_dropped)
        fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"note\">%d more generators have no lane</text>\n",
                lo.arrows_left ? 560 : 8, ny, tl->lanes_dropped);
    /* The legend. */
    int y = legend_y, x = 8;
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" class=\"gil\"/>"
                 "<text x=\"%d\" y=\"%d\">thread holds the GIL</text>\n",
            x, y - BAR_H / 2, BAR_H, x + 30, y + 4);
    x += 230;
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"24\" height=\"%d\" class=\"running\"/>"
                 "<text x=\"%d\" y=\"%d\">running</text>\n",
            x, y - BAR_H / 2, BAR_H, x + 30, y + 4);
    x += 120;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"suspended\"/>"
                 "<text x=\"%d\" y=\"%d\">suspended</text>\n",
            x, y, x + 24, y, x + 30, y + 4);
    x += 130;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"created\"/>"
                 "<text x=\"%d\" y=\"%d\">created, not started</text>\n",
            x, y, x + 24, y, x + 30, y + 4);
    x = 8;
    y += 28;
    fprintf(out, "<text x=\"%d\" y=\"%d\" class=\"done\">\u00d7</text>"
                 "<text x=\"%d\" y=\"%d\">finished</text>\n",
            x + 6, y + 5, x + 30, y + 4);
    x += 230;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"send\"/>"
                 "<text x=\"%d\" y=\"%d\">value sent in (next, send)</text>\n",
            x, y, x + 24, y, x + 30, y + 4);
    x += 250;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"yield\"/>"
                 "<text x=\"%d\" y=\"%d\">value yielded or returned</text>\n",
            x, y, x + 24, y, x + 30, y + 4);
    if (threads) {
        x = 8;
        y += 28;
        fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"waitgil\"/>"
                     "<text x=\"%d\" y=\"%d\">thread waits for the GIL</text>\n",
                x, y, x + 24, y, x + 30, y + 4);
        x += 230;
        fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"blocked\"/>"
                     "<text x=\"%d\" y=\"%d\">thread blocked in a call (GIL released)</text>\n",
                x, y, x + 24, y, x + 30, y + 4);
    }
    fputs("</svg>\n", out);
    return !ferror(out);
}

/* ---- Chrome's trace-event JSON ---- */

static void json_event(FILE *out, bool *first, const char *ph, const char *name, int tid,
                       uint64_t ts, const char *arg_key, const char *arg) {
    fprintf(out, "%s\n{\"ph\":\"%s\",\"pid\":1,\"tid\":%d,\"ts\":%llu,\"name\":\"", *first ? "" : ",",
            ph, tid, (unsigned long long)ts);
    put_text(out, name, true);
    fputc('"', out);
    if (ph[0] == 'i')
        fputs(",\"s\":\"t\"", out);
    if (arg_key) {
        fprintf(out, ",\"args\":{\"%s\":\"", arg_key);
        put_text(out, arg, true);
        fputs("\"}", out);
    }
    fputc('}', out);
    *first = false;
}

bool bt_timeline_write_json(const BtTimeline *tl, FILE *out) {
    bool first = true;
    fputs("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"clock\":\"", out);
    fputs(tl->wall ? "microseconds" : "instructions executed (1 instruction = 1 us)", out);
    fputs("\"},\"traceEvents\":[", out);
    json_event(out, &first, "M", "process_name", 0, 0, "name", "baton");
    for (int i = 0; i < tl->nlanes; i++)
        if (tl->lanes[i].is_thread)
            json_event(out, &first, "M", "thread_name", tl->lanes[i].thread, 0, "name",
                       tl->lanes[i].name);
    for (size_t i = 0; i < tl->nmarks; i++) {
        const Mark *m = &tl->marks[i];
        const Lane *l = &tl->lanes[m->lane];
        char name[200];
        switch (m->kind) {
        case MK_CREATE:
            snprintf(name, sizeof name, "create %s", l->name);
            json_event(out, &first, "i", name, l->thread, m->time, NULL, NULL);
            break;
        case MK_RUN: /* a generator's run is a slice on its thread */
            json_event(out, &first, "B", l->name, l->thread, m->time, NULL, NULL);
            break;
        case MK_STOP:
        case MK_FINISH:
            json_event(out, &first, "E", l->name, l->thread, m->time, NULL, NULL);
            break;
        case MK_SEND:
            snprintf(name, sizeof name, "resume %s <- %s", l->name, m->label);
            json_event(out, &first, "i", name, l->thread, m->time, "value", m->label);
            break;
        case MK_YIELD:
            snprintf(name, sizeof name, "%s %s %s", strncmp(m->label, "return ", 7) && strncmp(m->label, "raise ", 6) ? "suspend" : "finish",
                     l->name, m->label);
            json_event(out, &first, "i", name, l->thread, m->time, "value", m->label);
            break;
        case MK_NOTE:
            if (m->label[0])
                json_event(out, &first, "i", m->label, l->thread, m->time, "detail", m->label);
            break;
        case MK_TAKE: /* the GIL's hand-overs, on the thread's track */
            json_event(out, &first, "i", "take the GIL", l->thread, m->time, NULL, NULL);
            break;
        case MK_WAIT:
            json_event(out, &first, "i", "drop the GIL (forced)", l->thread, m->time, NULL, NULL);
            break;
        case MK_BLOCK:
            snprintf(name, sizeof name, "drop the GIL (blocking call: %s)", m->label);
            json_event(out, &first, "i", name, l->thread, m->time, "call", m->label);
            break;
        case MK_EXIT:
            json_event(out, &first, "i", "thread exit", l->thread, m->time, NULL, NULL);
            break;
        }
    }
    fputs("\n]}\n", out);
    return !ferror(out);
}
