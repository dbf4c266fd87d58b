/* repl.c: the interactive session, and start-up shared by every run (repl stage).
 *
 * Inputs accumulate line by line until they form a statement: a simple
 * statement runs at once, a compound one (or anything after a decorator) runs
 * at the first blank line, and an input the lexer or parser calls incomplete
 * (open bracket, triple-quoted string, trailing backslash) asks for more.
 * Readline's callback interface is driven from a select() loop so that Ctrl-C
 * (SIGINT, which the VM routes to its eval breaker) cancels the line being
 * typed; while code runs, the same signal becomes KeyboardInterrupt.
 * Readline calls back without a context argument, so the line being read and
 * the session being completed sit in two file-level variables: the one
 * exception to "no mutable globals" here, as in gil.c for signals.
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#ifdef BT_HAVE_READLINE
#include <readline/history.h>
#include <readline/readline.h>
#endif

#include "parser/parser.h"
#include "repl/repl.h"
#include "repl/step.h"
#include "repl/timeline.h"
#include "repl/trace.h"
#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/dis.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/gen.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/str.h"

#define HISTORY_MAX 1000

/* ---- shared with main.c ---- */

BtInterp *bt_repl_start(int argc, char **argv, const char *main_folder, BtThread **t_out,
                        int *status) {
    char *folder = strdup(main_folder);
    BtInterp *in = folder ? bt_interp_new(argc, argv, t_out) : NULL;
    if (!in) {
        free(folder);
        fputs("baton: out of memory while starting\n", stderr);
        *status = 1;
        return NULL;
    }
    in->native_modules = bt_stdlib_modules;
    in->main_path = folder;
    if (!bt_builtins_init(*t_out)) {
        *status = bt_repl_report_uncaught(*t_out);
        bt_repl_stop(in);
        return NULL;
    }
    return in;
}

void bt_repl_stop(BtInterp *in) {
    char *folder = (char *)in->main_path;
    bt_interp_free(in);
    free(folder);
}

BtModule *bt_repl_main_module(BtThread *t, BtStr *file) {
    BtModule *m = bt_module_new(t, BT_NAME(t, dunder_main));
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    /* None, as for a script in CPython: a relative import in it finds no package. */
    bool ok = bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_package), BT_NONE) &&
              bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_spec), BT_NONE) &&
              bt_dict_set_str(t, t->interp->modules, BT_NAME(t, dunder_main), mv);
    if (ok && file)
        ok = bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_file), bt_obj(file));
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}

void bt_repl_flush_stdout(BtThread *t) {
    BtValue saved = bt_take_exc(t);
    BT_PUSH_ROOT(t, &saved);
    BtValue out = bt_import_sys_attr(t, "stdout");
    BT_PUSH_ROOT(t, &out);
    BtValue flush = bt_is_undef(out) ? BT_UNDEF : bt_getattr_opt(t, out, BT_NAME(t, flush));
    if (!bt_is_undef(flush) && bt_is_undef(bt_call(t, flush, NULL, 0, NULL)))
        bt_take_exc(t);
    bt_take_exc(t); /* a failed lookup above is not the program's error */
    fflush(stdout);
    BT_POP_ROOT(t, 2);
    t->exc = saved;
}

int bt_repl_report_uncaught(BtThread *t) {
    BtValue exc = bt_take_exc(t);
    BT_PUSH_ROOT(t, &exc);
    bt_repl_flush_stdout(t);
    int status = 1;
    if (bt_isinstance(t, exc, BT_EXC(t, SystemExit))) {
        BtValue code = bt_getattr_opt(t, exc, BT_NAME(t, code));
        if (bt_is_undef(code) || bt_is_none(code)) {
            status = 0;
        } else if (bt_is_intlike(code)) {
            status = (int)(bt_as_int(code) & 0xff);
        } else {
            BtValue s = bt_str(t, code);
            if (bt_is_undef(s))
                bt_take_exc(t);
            else
                fprintf(stderr, "%s\n", bt_as_str(s)->data);
        }
        bt_take_exc(t);
    } else {
        bt_exc_print(t, exc, stderr);
    }
    BT_POP_ROOT(t, 1);
    return status;
}

/* ---- reading a line ---- */

static bool sigint_pending(BtInterp *in) {
    return bt_sigint_pending(in);
}

static void sigint_clear(BtInterp *in) {
    bt_sigint_clear(in);
}

/* A line of any length from stdin without its newline; NULL at the end of
 * input or when Ctrl-C interrupts the read (errno EINTR). It reads the
 * descriptor directly and wakes up now and then: a SIGINT that lands just
 * before read() starts would otherwise leave it blocked on a line the
 * terminal has already thrown away. */
static char *plain_read(BtInterp *in) {
    size_t cap = 256, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        /* Other threads run while the prompt waits. */
        BT_RELEASE_GIL(in->main_thread, "input");
        int ready = poll(&p, 1, 200);
        BT_ACQUIRE_GIL(in->main_thread);
        if (ready == 0 && !sigint_pending(in))
            continue;
        char c;
        ssize_t n = ready > 0 ? read(STDIN_FILENO, &c, 1) : -1;
        if (ready == 0 || (n < 0 && errno == EINTR) || (ready < 0 && errno == EINTR)) {
            if (!sigint_pending(in))
                continue;
            free(buf);
            errno = EINTR;
            return NULL;
        }
        if (n <= 0) {
            if (len == 0) {
                free(buf);
                errno = 0;
                return NULL;
            }
            break;
        }
        if (c == '\n')
            break;
        if (len + 2 > cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown) {
                free(buf);
                return NULL;
            }
            buf = grown;
        }
        buf[len++] = c;
    }
    if (buf)
        buf[len] = '\0';
    return buf;
}

#ifdef BT_HAVE_READLINE
static struct {
    char *line;
    bool done;
} rl_got; /* what readline's line handler received (see the file comment) */

static void on_rl_line(char *line) {
    rl_got.line = line;
    rl_got.done = true;
    rl_callback_handler_remove();
}

/* SIGINT stays blocked except inside pselect, so a Ctrl-C typed while
 * readline handles a key is seen at the next check, never lost. */
static BtReadStatus rl_read(BtInterp *in, const char *prompt, char **line) {
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigprocmask(SIG_BLOCK, &block, &old);
    rl_got.done = false;
    rl_got.line = NULL;
    rl_callback_handler_install(prompt, on_rl_line);
    while (!rl_got.done) {
        if (sigint_pending(in)) {
            sigint_clear(in);
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_callback_handler_remove();
            fputs("\nKeyboardInterrupt\n", stdout);
            fflush(stdout);
            sigprocmask(SIG_SETMASK, &old, NULL);
            return BT_READ_INTERRUPT;
        }
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        BT_RELEASE_GIL(in->main_thread, "input"); /* other threads run while the prompt waits */
        int ready = pselect(STDIN_FILENO + 1, &fds, NULL, NULL, NULL, &old);
        BT_ACQUIRE_GIL(in->main_thread);
        if (ready > 0)
            rl_callback_read_char();
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (!rl_got.line)
        return BT_READ_EOF;
    if (*rl_got.line)
        add_history(rl_got.line);
    *line = rl_got.line;
    return BT_READ_LINE;
}
#endif

BtReadStatus bt_repl_read_line(BtInterp *in, const char *prompt, char **line) {
    bool tty = isatty(STDIN_FILENO);
#ifdef BT_HAVE_READLINE
    if (tty) {
        BtReadStatus rs = rl_read(in, prompt, line);
        if (rs == BT_READ_EOF)
            fputc('\n', stdout);
        return rs;
    }
#endif
    fputs(prompt, stdout);
    fflush(stdout);
    for (;;) {
        errno = 0;
        char *got = plain_read(in);
        if (got) {
            if (!tty) {
                printf("%s\n", got); /* echo: a piped session reads like a typed one */
                fflush(stdout);
            }
            *line = got;
            return BT_READ_LINE;
        }
        if (errno == EINTR && sigint_pending(in)) {
            sigint_clear(in);
            fputs("\nKeyboardInterrupt\n", stdout);
            fflush(stdout);
            return BT_READ_INTERRUPT;
        }
        if (errno != EINTR) {
            fputc('\n', stdout); /* end the prompt's line, as python3 does */
            fflush(stdout);
            return BT_READ_EOF;
        }
    }
}

/* ---- the session ---- */

typedef struct {
    BtThread *t;
    BtInterp *in;
    BtModule *main;
    BtList *inputs_code; /* the code of every input, rooted: the stepper finds sources */
    BtValue inputs_root;
    char **inputs_text;  /* the text of each input, parallel to inputs_code */
    size_t ninputs, inputs_cap;
    BtTracer *tracer;    /* :trace on / events, or NULL */
    char *history_path;
    char **matches;      /* tab completion candidates */
    size_t nmatches, next_match;
} Repl;

static const char BANNER[] =
    "Baton " BT_REPL_VERSION " (a teaching interpreter for a Python 3.11 subset)\n"
    "Type :help for the REPL's commands, Ctrl-D to leave.\n";

static const char META_HELP[] =
    "Python statements run as they would in python3's REPL. Meta-commands:\n"
    "  :help              this text\n"
    "  :dis NAME          disassemble a function, method, generator or code object\n"
    "  :trace on|off      trace every instruction of what runs next (to stderr)\n"
    "  :trace events      trace calls, returns, yields, resumes and exceptions only\n"
    "  :trace on NAME,..  trace only the functions with these names\n"
    "  :step STATEMENT    run STATEMENT under the stepper (type help there)\n"
    "  :gens              every live generator, its state and its line\n"
    "  :threads           every thread: name, running / waiting for the GIL / blocked, line\n"
    "  :gens NAME         one generator (my_range#2, or a variable): line, waits on, locals\n"
    "  :timeline FILE.svg STATEMENT\n"
    "                     run STATEMENT, then draw its generators over time (SVG)\n"
    "Ctrl-C cancels the line or interrupts running code; Ctrl-D leaves.\n";

/* exit, quit and help as python3's site module makes them for its REPL:
 * typed bare they say how to use them, called they act. */
static const char SITE_BUILTINS[] =
    "class Quitter:\n"
    "    def __init__(self, name, eof):\n"
    "        self.name = name\n"
    "        self.eof = eof\n"
    "    def __repr__(self):\n"
    "        return 'Use %s() or %s to exit' % (self.name, self.eof)\n"
    "    def __call__(self, code=None):\n"
    "        raise SystemExit(code)\n"
    "class _Helper:\n"
    "    def __repr__(self):\n"
    "        return ('Type help() for interactive help, '\n"
    "                'or help(object) for help about object.')\n"
    "    def __call__(self, *args):\n"
    "        if not args:\n"
    "            print(\"Baton has no interactive help: try help(object), or :help\")\n"
    "            return\n"
    "        obj = args[0]\n"
    "        name = getattr(obj, '__qualname__', None) or type(obj).__name__\n"
    "        print('Help on %s:' % name)\n"
    "        print()\n"
    "        print(getattr(obj, '__doc__', None) or '(no docstring)')\n";

static bool install_site_builtins(BtThread *t) {
    BtDict *ns = bt_dict_new(t);
    BtValue keep[2] = {ns ? bt_obj(ns) : BT_UNDEF, BT_UNDEF};
    BT_PUSH_ROOT(t, &keep[0]);
    BT_PUSH_ROOT(t, &keep[1]);
    BtStr *name = bt_str_intern_cstr(t, "_sitebuiltins");
    bool ok = ns && name && bt_dict_set_str(t, ns, BT_NAME(t, dunder_name), bt_obj(name));
    BtCode *code = ok ? bt_compile_source(t, SITE_BUILTINS, sizeof SITE_BUILTINS - 1, name,
                                          BT_COMPILE_FILE)
                      : NULL;
    keep[1] = code ? bt_obj(code) : BT_UNDEF;
    ok = code && !bt_is_undef(bt_eval_module_code(t, code, ns));
    static const char *const setup[] = {
        "exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')",
        "quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')",
        "help = _Helper()",
    };
    for (size_t i = 0; ok && i < sizeof setup / sizeof *setup; i++) {
        BtCode *c = bt_compile_source(t, setup[i], strlen(setup[i]), name, BT_COMPILE_FILE);
        keep[1] = c ? bt_obj(c) : BT_UNDEF;
        ok = c && !bt_is_undef(bt_eval_module_code(t, c, ns));
    }
    static const char *const names[] = {"exit", "quit", "help"};
    for (size_t i = 0; ok && i < 3; i++) {
        BtStr *k = bt_str_intern_cstr(t, names[i]);
        ok = k && bt_dict_set_str(t, t->interp->builtins, k, bt_dict_get_str(ns, k));
    }
    BT_POP_ROOT(t, 2);
    return ok;
}

static bool remember_input(Repl *r, BtCode *code, const char *src, size_t len) {
    if (r->ninputs == r->inputs_cap) {
        size_t cap = r->inputs_cap ? r->inputs_cap * 2 : 32;
        char **grown = realloc(r->inputs_text, cap * sizeof *grown);
        if (!grown)
            return false;
        r->inputs_text = grown;
        r->inputs_cap = cap;
    }
    char *copy = strndup(src, len);
    if (!copy || !bt_list_append(r->t, r->inputs_code, bt_obj(code))) {
        free(copy);
        bt_take_exc(r->t);
        return false;
    }
    r->inputs_text[r->ninputs++] = copy;
    return true;
}

static bool code_contains(BtThread *t, BtCode *outer, BtCode *c, int depth) {
    if (outer == c)
        return true;
    if (depth > 50 || !outer->consts)
        return false;
    for (size_t i = 0; i < outer->consts->len; i++) {
        BtValue v = outer->consts->items[i];
        if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, code) &&
            code_contains(t, (BtCode *)bt_as_obj(v), c, depth + 1))
            return true;
    }
    return false;
}

/* The stepper's source lookup: the input whose code tree holds code. */
static const char *input_source(BtThread *t, BtCode *code, size_t *len, void *data) {
    Repl *r = data;
    for (size_t i = r->ninputs; i-- > 0;) {
        BtValue v = r->inputs_code->items[i];
        if (code_contains(t, (BtCode *)bt_as_obj(v), code, 0)) {
            *len = strlen(r->inputs_text[i]);
            return r->inputs_text[i];
        }
    }
    return NULL;
}

/* Parse and compile one complete input; NULL after printing its syntax error. */
static BtCode *compile_input(Repl *r, const char *src, size_t len) {
    BtThread *t = r->t;
    BtArena *arena = bt_arena_new();
    BtSyntaxError err;
    BtAstModule *mod = arena ? bt_parse(arena, src, len, BT_PARSE_INTERACTIVE, &err) : NULL;
    BtCode *code = NULL;
    if (mod)
        code = bt_compile(t, mod, bt_str_intern_cstr(t, "<stdin>"), BT_COMPILE_INTERACTIVE, &err);
    bt_arena_free(arena);
    if (!code) {
        bt_repl_flush_stdout(t);
        if (!arena)
            fputs("MemoryError\n", stderr);
        else if (bt_has_exc(t))
            bt_repl_report_uncaught(t);
        else
            bt_syntax_error_print(&err, "<stdin>", src, len, stderr);
        return NULL;
    }
    BtValue cv = bt_obj(code);
    BT_PUSH_ROOT(t, &cv);
    remember_input(r, code, src, len);
    BT_POP_ROOT(t, 1);
    return code;
}

/* Run compiled input in __main__ under the given hook owner; returns -1 to
 * go on, or the exit status when the program raised SystemExit. */
static int run_code_watched(Repl *r, BtCode *code, BtStepper *stepper, BtTimeline *timeline) {
    BtThread *t = r->t;
    sigint_clear(r->in); /* a Ctrl-C typed before this input is not meant for it */
    if (stepper)
        bt_step_attach(t, stepper);
    else if (timeline)
        bt_timeline_attach(t, timeline);
    else if (r->tracer)
        bt_trace_attach(t, r->tracer);
    BtValue res = bt_eval_module_code(t, code, r->main->dict);
    if (stepper) {
        bt_step_detach(t, stepper);
    } else if (timeline) {
        BtValue exc = bt_take_exc(t);
        bt_timeline_detach(t, timeline);
        t->exc = exc;
    } else if (r->tracer) {
        bt_trace_detach(t, r->tracer);
    }
    int status = -1;
    if (bt_is_undef(res)) {
        if (stepper && bt_step_quit_requested(stepper) &&
            bt_exc_pending_is(t, BT_EXC(t, SystemExit)))
            bt_take_exc(t); /* q in the stepper: back to the prompt */
        else if (bt_exc_pending_is(t, BT_EXC(t, SystemExit)))
            status = bt_repl_report_uncaught(t);
        else
            bt_repl_report_uncaught(t);
    }
    bt_repl_flush_stdout(t);
    fflush(stderr);
    return status;
}

static int run_code(Repl *r, BtCode *code, BtStepper *stepper) {
    return run_code_watched(r, code, stepper, NULL);
}

/* :timeline FILE.svg STATEMENT: run STATEMENT recording a timeline, draw it. */
static int meta_timeline(Repl *r, const char *arg) {
    size_t fl = strcspn(arg, " \t");
    const char *stmt = arg + fl;
    while (*stmt == ' ' || *stmt == '\t')
        stmt++;
    if (!fl || !*stmt) {
        fputs("usage: :timeline FILE.svg STATEMENT (runs STATEMENT, then draws its generators "
              "over time)\n", stderr);
        return -1;
    }
    char *path = strndup(arg, fl);
    size_t len = strlen(stmt);
    char *src = malloc(len + 2);
    BtTimeline *tl = bt_timeline_new(false);
    int status = -1;
    BtCode *code = NULL;
    if (path && src && tl) {
        memcpy(src, stmt, len);
        src[len] = '\n';
        src[len + 1] = '\0';
        code = compile_input(r, src, len + 1);
    }
    if (code) {
        BtValue cv = bt_obj(code);
        BT_PUSH_ROOT(r->t, &cv);
        status = run_code_watched(r, code, NULL, tl);
        BT_POP_ROOT(r->t, 1);
        FILE *f = fopen(path, "w");
        bool ok = f && bt_timeline_write_svg(tl, f);
        if (f && fclose(f) != 0)
            ok = false;
        if (ok)
            fprintf(stderr, "timeline written to %s\n", path);
        else
            fprintf(stderr, ":timeline: can't write '%s': %s\n", path, strerror(errno));
    }
    bt_timeline_free(tl);
    free(src);
    free(path);
    return status;
}

/* The value a dotted name ("mr", "os.path") has in the session, or BT_UNDEF
 * (no exception left behind). Only names and attributes: nothing is called
 * but attribute lookup. */
static BtValue resolve_dotted(Repl *r, const char *expr, size_t len) {
    BtThread *t = r->t;
    BtValue v = BT_UNDEF;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && expr[j] != '.')
            j++;
        if (j == i)
            return BT_UNDEF;
        for (size_t k = i; k < j; k++)
            if (!(expr[k] == '_' || (expr[k] >= 'a' && expr[k] <= 'z') ||
                  (expr[k] >= 'A' && expr[k] <= 'Z') || (k > i && expr[k] >= '0' && expr[k] <= '9') ||
                  (unsigned char)expr[k] >= 0x80))
                return BT_UNDEF;
        BtStr *name = bt_str_intern(t, expr + i, j - i);
        if (!name) {
            bt_take_exc(t);
            return BT_UNDEF;
        }
        if (i == 0) {
            v = bt_dict_get_str(r->main->dict, name);
            if (bt_is_undef(v))
                v = bt_dict_get_str(t->interp->builtins, name);
        } else {
            BT_PUSH_ROOT(t, &v);
            v = bt_getattr_opt(t, v, name);
            BT_POP_ROOT(t, 1);
            bt_take_exc(t);
        }
        if (bt_is_undef(v))
            return BT_UNDEF;
        i = j + 1;
    }
    return v;
}

static void meta_dis(Repl *r, const char *arg) {
    BtThread *t = r->t;
    BtValue v = resolve_dotted(r, arg, strlen(arg));
    BtGen *gen = bt_is_undef(v) ? bt_step_find_gen(t, arg) : NULL; /* "my_range#2" */
    if (gen)
        v = bt_obj(gen);
    gen = NULL;
    if (bt_is_undef(v)) {
        fprintf(stderr, ":dis: no name '%s' in this session\n", arg);
        return;
    }
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, method))
        v = ((BtMethod *)bt_as_obj(v))->func;
    BtCode *code = NULL;
    if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, function))
        code = ((BtFunction *)bt_as_obj(v))->code;
    else if (bt_is_framed_gen(t, v))
        gen = (BtGen *)bt_as_obj(v);
    else if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, code))
        code = (BtCode *)bt_as_obj(v);
    if (gen) {
        /* A generator: its code alone, its paused instruction marked. */
        char name[140];
        bt_trace_frame_name(&gen->frame, name, sizeof name);
        if (bt_gen_state(gen) == BT_GEN_SUSPENDED)
            printf("%s is paused at instruction %u (-->)\n", name, bt_frame_lasti(&gen->frame));
        else
            printf("%s is %s\n", name,
                   bt_gen_state(gen) == BT_GEN_CREATED   ? "not started yet"
                   : bt_gen_state(gen) == BT_GEN_RUNNING ? "running"
                                                  : "closed");
        if (bt_gen_state(gen) == BT_GEN_DONE)
            code = gen->frame.code;
        else
            bt_dis_code_at(t, gen->frame.code,
                           bt_gen_state(gen) == BT_GEN_SUSPENDED ? bt_frame_lasti(&gen->frame)
                                                          : UINT32_MAX,
                           stdout);
        if (!code) {
            fflush(stdout);
            return;
        }
    }
    if (!code) {
        fprintf(stderr, ":dis: cannot disassemble a %s object\n", bt_type_name(t, v));
        return;
    }
    bt_dis_code(t, code, stdout, !gen);
    fflush(stdout);
}

static void meta_trace(Repl *r, const char *arg) {
    char word[16] = "";
    size_t wl = strcspn(arg, " \t");
    if (wl < sizeof word)
        memcpy(word, arg, wl);
    const char *filter = arg + wl;
    while (*filter == ' ' || *filter == '\t')
        filter++;
    BtTraceLevel level;
    if (!strcmp(word, "on")) {
        level = BT_TRACE_ALL;
    } else if (!strcmp(word, "events")) {
        level = BT_TRACE_EVENTS;
    } else if (!strcmp(word, "off")) {
        bt_trace_free(r->tracer);
        r->tracer = NULL;
        return;
    } else {
        fputs("usage: :trace on|events [NAME,...] | :trace off\n", stderr);
        return;
    }
    bt_trace_free(r->tracer);
    r->tracer = bt_trace_new(stderr, level, *filter ? filter : NULL);
}

static int meta_step(Repl *r, const char *stmt) {
    size_t len = strlen(stmt);
    char *src = malloc(len + 2);
    if (!src)
        return -1;
    memcpy(src, stmt, len);
    src[len] = '\n';
    src[len + 1] = '\0';
    int status = -1;
    BtCode *code = compile_input(r, src, len + 1);
    if (code) {
        BtValue cv = bt_obj(code);
        BT_PUSH_ROOT(r->t, &cv);
        BtStepper *st = bt_step_new(stdout, "<stdin>", src, len + 1);
        if (st) {
            bt_step_set_source_lookup(st, input_source, r);
            status = run_code(r, code, st);
            bt_step_free(st);
        }
        BT_POP_ROOT(r->t, 1);
    }
    free(src);
    return status;
}

/* A line starting with ':'; returns -1 to go on, or an exit status. */
static int meta_command(Repl *r, const char *line) {
    const char *cmd = line + 1;
    size_t wl = strcspn(cmd, " \t");
    const char *arg = cmd + wl;
    while (*arg == ' ' || *arg == '\t')
        arg++;
    if (wl == 4 && !strncmp(cmd, "help", 4)) {
        fputs(META_HELP, stdout);
    } else if (wl == 3 && !strncmp(cmd, "dis", 3) && !*arg) {
        fputs("usage: :dis NAME (a function, method, class attribute, generator or code "
              "object;\n       my_range#2 or a variable for one generator)\n", stderr);
    } else if (wl == 4 && !strncmp(cmd, "step", 4) && !*arg) {
        fputs("usage: :step STATEMENT (runs STATEMENT under the stepper; type help there)\n",
              stderr);
    } else if (wl == 8 && !strncmp(cmd, "timeline", 8)) {
        return meta_timeline(r, arg);
    } else if (wl == 3 && !strncmp(cmd, "dis", 3) && *arg) {
        meta_dis(r, arg);
    } else if (wl == 5 && !strncmp(cmd, "trace", 5)) {
        meta_trace(r, arg);
    } else if (wl == 4 && !strncmp(cmd, "step", 4) && *arg) {
        return meta_step(r, arg);
    } else if (wl == 4 && !strncmp(cmd, "gens", 4) && !*arg) {
        bt_step_print_gens(r->t, stdout);
    } else if (wl == 7 && !strncmp(cmd, "threads", 7)) {
        bt_step_print_threads(r->t, stdout);
    } else if (wl == 4 && !strncmp(cmd, "gens", 4)) {
        if (!bt_step_print_gen(r->t, stdout, arg, input_source, r))
            fprintf(stderr, ":gens: no live generator '%s'\n", arg);
    } else {
        fprintf(stderr, "unknown command %s (try :help)\n", line);
    }
    fflush(stdout);
    return -1;
}

/* ---- deciding when an input is complete ---- */

typedef enum { INPUT_MORE, INPUT_RUN, INPUT_ERROR } InputState;

static bool is_blank(const char *s) {
    for (; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\f' && *s != '\r')
            return *s == '#';
    return true;
}

static bool is_compound(const BtAstStmt *s) {
    switch (s->kind) {
    case BT_STMT_FUNCTION_DEF:
    case BT_STMT_CLASS_DEF:
    case BT_STMT_FOR:
    case BT_STMT_WHILE:
    case BT_STMT_IF:
    case BT_STMT_WITH:
    case BT_STMT_TRY:
    case BT_STMT_MATCH:
    case BT_STMT_ASYNC_FUNCTION_DEF:
    case BT_STMT_ASYNC_FOR:
    case BT_STMT_ASYNC_WITH:
        return true;
    default:
        return false;
    }
}

/* Whether src (whole lines) is ready to run. *block: a compound statement is
 * open, so only a blank line ends it; last_blank: the last line was blank. */
static InputState classify(const char *src, size_t len, bool *block, bool last_blank,
                           BtSyntaxError *err) {
    if (src[0] == '@')
        *block = true;
    BtArena *arena = bt_arena_new();
    if (!arena)
        return INPUT_RUN; /* compile_input reports the MemoryError */
    BtAstModule *mod = bt_parse(arena, src, len, BT_PARSE_INTERACTIVE, err);
    bool compound = mod && mod->body.count > 0 && is_compound(mod->body.items[0]);
    bt_arena_free(arena);
    if (mod) {
        if (compound)
            *block = true;
        return *block && !last_blank ? INPUT_MORE : INPUT_RUN;
    }
    bool wants_block = strstr(err->message, "expected an indented block") != NULL;
    if (wants_block)
        *block = true;
    if (err->incomplete && !(wants_block && last_blank))
        return INPUT_MORE;
    return *block && !last_blank ? INPUT_MORE : INPUT_ERROR;
}

/* ---- tab completion and history ---- */

#ifdef BT_HAVE_READLINE
static Repl *completing; /* the session readline completes for (see the file comment) */

/* builtins.NAME(arg), or BT_UNDEF (no exception left behind). */
static BtValue call_builtin(BtThread *t, const char *name, BtValue arg) {
    BtValue fn = bt_dict_get_str(t->interp->builtins, bt_str_intern_cstr(t, name));
    if (bt_is_undef(fn))
        return BT_UNDEF;
    BtValue r = bt_call(t, fn, &arg, 1, NULL);
    if (bt_is_undef(r))
        bt_take_exc(t);
    return r;
}

static const char *const KEYWORDS[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", NULL};

static void add_match(Repl *r, const char *head, size_t head_len, const char *word,
                      const char *tail) {
    for (size_t i = 0; i < r->nmatches; i++) /* a global hides the builtin of that name */
        if (!strncmp(r->matches[i] + head_len, word, strlen(word)) &&
            strchr(" :(", r->matches[i][head_len + strlen(word)]))
            return;
    char **grown = realloc(r->matches, (r->nmatches + 1) * sizeof *grown);
    if (!grown)
        return;
    r->matches = grown;
    size_t n = head_len + strlen(word) + strlen(tail) + 1;
    char *m = malloc(n);
    if (!m)
        return;
    snprintf(m, n, "%.*s%s%s", (int)head_len, head, word, tail);
    r->matches[r->nmatches++] = m;
}

static bool value_callable(BtThread *t, BtValue v) {
    BtValue c = call_builtin(t, "callable", v);
    return bt_is_bool(c) && bt_as_bool(c);
}

static void match_dict(Repl *r, BtDict *d, const char *text) {
    size_t pos = 0, n = strlen(text);
    BtValue k, v;
    while (bt_dict_next(d, &pos, &k, &v))
        if (bt_is_str(r->t, k) && !strncmp(bt_as_str(k)->data, text, n) &&
            (n || bt_as_str(k)->data[0] != '_'))
            add_match(r, "", 0, bt_as_str(k)->data, value_callable(r->t, v) ? "(" : "");
}

/* Candidates for `text` as rlcompleter makes them: keywords (with the blank
 * or colon that follows them), names with "(" when callable, obj.attr. */
static void collect_matches(Repl *r, const char *text) {
    BtThread *t = r->t;
    for (size_t i = 0; i < r->nmatches; i++)
        free(r->matches[i]);
    r->nmatches = 0;
    const char *dot = strrchr(text, '.');
    if (!dot) {
        size_t n = strlen(text);
        for (int i = 0; KEYWORDS[i]; i++)
            if (!strncmp(KEYWORDS[i], text, n)) {
                const char *w = KEYWORDS[i];
                bool bare = !strcmp(w, "False") || !strcmp(w, "None") || !strcmp(w, "True") ||
                            !strcmp(w, "break") || !strcmp(w, "continue") ||
                            !strcmp(w, "pass") || !strcmp(w, "else");
                add_match(r, "", 0, w, !strcmp(w, "try") || !strcmp(w, "finally") ? ":"
                                       : bare ? "" : " ");
            }
        match_dict(r, r->main->dict, text);
        match_dict(r, t->interp->builtins, text);
        return;
    }
    BtValue obj = resolve_dotted(r, text, (size_t)(dot - text));
    if (bt_is_undef(obj))
        return;
    BT_PUSH_ROOT(t, &obj);
    BtValue names = call_builtin(t, "dir", obj);
    BT_PUSH_ROOT(t, &names);
    const char *prefix = dot + 1;
    size_t n = strlen(prefix);
    for (size_t i = 0; bt_is_list(t, names) && i < bt_as_list(names)->len; i++) {
        BtValue k = bt_as_list(names)->items[i];
        if (!bt_is_str(t, k) || strncmp(bt_as_str(k)->data, prefix, n) != 0)
            continue;
        if (bt_as_str(k)->data[0] == '_' && prefix[0] != '_')
            continue;
        BtValue a = bt_getattr_opt(t, obj, bt_as_str(k));
        bt_take_exc(t);
        BT_PUSH_ROOT(t, &a);
        bool call = !bt_is_undef(a) && value_callable(t, a);
        BT_POP_ROOT(t, 1);
        add_match(r, text, (size_t)(dot + 1 - text), bt_as_str(k)->data, call ? "(" : "");
    }
    BT_POP_ROOT(t, 2);
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *next_completion(const char *text, int state) {
    Repl *r = completing;
    if (state == 0) {
        collect_matches(r, text);
        qsort(r->matches, r->nmatches, sizeof *r->matches, cmp_str);
        r->next_match = 0;
    }
    return r->next_match < r->nmatches ? strdup(r->matches[r->next_match++]) : NULL;
}

static char **complete(const char *text, int start, int end) {
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1; /* never fall back to file names */
    rl_completion_append_character = '\0';
    if (!*text) { /* nothing to complete: TAB indents, as in CPython's REPL */
        char **tab = calloc(2, sizeof *tab);
        if (tab && !(tab[0] = strdup("\t"))) {
            free(tab);
            tab = NULL;
        }
        return tab;
    }
    return completing ? rl_completion_matches(text, next_completion) : NULL;
}

static void history_start(Repl *r) {
    const char *env = getenv("BATON_HISTORY");
    const char *home = getenv("HOME");
    if (env && *env) {
        r->history_path = strdup(env);
    } else if (home) {
        size_t n = strlen(home) + 20;
        r->history_path = malloc(n);
        if (r->history_path)
            snprintf(r->history_path, n, "%s/.baton_history", home);
    }
    rl_readline_name = "baton";
    rl_catch_signals = 0;
    /* Pasted lines then arrive one by one, as typed, not as one multi-line buffer. */
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_completer_word_break_characters = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";
    rl_attempted_completion_function = complete;
    completing = r;
    using_history();
    stifle_history(HISTORY_MAX);
    if (r->history_path && read_history(r->history_path) != 0)
        write_history(r->history_path); /* create it, so each input can be appended */
}

/* Append the newest history entry to the file, so no session loses its lines. */
static void history_save_last(Repl *r) {
    if (r->history_path && isatty(STDIN_FILENO))
        append_history(1, r->history_path);
}

static void history_stop(Repl *r) {
    if (r->history_path)
        history_truncate_file(r->history_path, HISTORY_MAX);
    completing = NULL;
    rl_attempted_completion_function = NULL;
    for (size_t i = 0; i < r->nmatches; i++)
        free(r->matches[i]);
    free(r->matches);
    free(r->history_path);
}
#else
static void history_start(Repl *r) {
    (void)r;
}
static void history_save_last(Repl *r) {
    (void)r;
}
static void history_stop(Repl *r) {
    (void)r;
}
#endif

/* ---- the loop ---- */

static int repl_loop(Repl *r) {
    size_t cap = 1024, len = 0;
    char *buf = malloc(cap);
    bool block = false, at_eof = false;
    int status = -1;
    while (buf && status < 0 && !at_eof) {
        char *line = NULL;
        BtReadStatus rs = bt_repl_read_line(r->in, len ? "... " : ">>> ", &line);
        if (rs == BT_READ_EOF && len > 0) {
            /* Ctrl-D (or the end of piped input) at "... ": as python3, run
             * the block typed so far, then leave. */
            line = strdup("");
            rs = line ? BT_READ_LINE : BT_READ_EOF;
            at_eof = true;
        }
        if (rs == BT_READ_EOF) {
            status = 0;
            break;
        }
        if (rs == BT_READ_INTERRUPT) {
            len = 0;
            block = false;
            continue;
        }
        if (*line)
            history_save_last(r);
        if (len == 0 && line[0] == ':') {
            status = meta_command(r, line);
            free(line);
            continue;
        }
        /* Inside a block only an empty line ends it: a line of spaces or a
         * comment keeps it open, as in CPython's REPL (the notebook's cells
         * have indented blank lines between methods). */
        bool blank = len == 0 ? is_blank(line) : line[strspn(line, "\r")] == '\0';
        if (len == 0 && blank) {
            free(line);
            continue;
        }
        size_t n = strlen(line);
        if (len + n + 2 > cap) {
            char *grown = realloc(buf, cap = (len + n + 2) * 2);
            if (!grown) {
                free(line);
                break;
            }
            buf = grown;
        }
        memcpy(buf + len, line, n);
        len += n;
        buf[len++] = '\n';
        buf[len] = '\0';
        free(line);
        BtSyntaxError err;
        InputState state = classify(buf, len, &block, blank, &err);
        if (state == INPUT_MORE)
            continue;
        if (state == INPUT_ERROR) {
            fflush(stdout);
            bt_syntax_error_print(&err, "<stdin>", buf, len, stderr);
        } else {
            BtCode *code = compile_input(r, buf, len);
            if (code) {
                BtValue cv = bt_obj(code);
                BT_PUSH_ROOT(r->t, &cv);
                status = run_code(r, code, NULL);
                BT_POP_ROOT(r->t, 1);
            }
        }
        len = 0;
        block = false;
    }
    free(buf);
    if (at_eof && status < 0)
        status = 0;
    return status < 0 ? 1 : status;
}

/* Run the program `name` in the session's __main__ before its first prompt. */
static void run_first_file(Repl *r, const char *name, const char *src, size_t len) {
    BtThread *t = r->t;
    BtStr *fname = bt_str_from_cstr(t, name);
    BtValue fv = fname ? bt_obj(fname) : BT_UNDEF;
    BT_PUSH_ROOT(t, &fv);
    if (fname && !bt_dict_set_str(t, r->main->dict, BT_NAME(t, dunder_file), fv))
        fname = NULL;
    BtCode *code = fname ? bt_compile_source(t, src, len, fname, BT_COMPILE_FILE) : NULL;
    BtValue cv = code ? bt_obj(code) : BT_UNDEF;
    BT_PUSH_ROOT(t, &cv);
    if (code && remember_input(r, code, src, len))
        bt_eval_module_code(t, code, r->main->dict);
    if (bt_has_exc(t)) {
        /* python3 -i shows even a SystemExit as a traceback, then the prompt. */
        bt_repl_flush_stdout(t);
        BtValue exc = bt_take_exc(t);
        BT_PUSH_ROOT(t, &exc);
        bt_exc_print(t, exc, stderr);
        BT_POP_ROOT(t, 1);
    }
    bt_repl_flush_stdout(t);
    fflush(stderr);
    BT_POP_ROOT(t, 2);
}

static int session(int argc, char **argv, const char *name, const char *src, size_t len,
                   const char *folder) {
    int status = 0;
    Repl r = {0};
    r.in = bt_repl_start(argc, argv, folder, &r.t, &status);
    if (!r.in)
        return status;
    BtThread *t = r.t;
    r.inputs_code = bt_list_new(t, 0);
    r.inputs_root = r.inputs_code ? bt_obj(r.inputs_code) : BT_UNDEF;
    BT_PUSH_ROOT(t, &r.inputs_root);
    r.main = r.inputs_code && install_site_builtins(t) ? bt_repl_main_module(t, NULL) : NULL;
    if (!r.main) {
        status = bt_repl_report_uncaught(t);
    } else {
        bt_signals_install(r.in);
        if (name)
            run_first_file(&r, name, src, len);
        else if (isatty(STDIN_FILENO))
            fputs(BANNER, stderr);
        history_start(&r);
        status = repl_loop(&r);
        history_stop(&r);
        /* As python3's REPL at exit: wait for threads that are not daemons,
         * and let abandoned generators run their finally blocks. */
        bt_interp_shutdown(t);
        bt_repl_flush_stdout(t);
        bt_signals_uninstall();
    }
    BT_POP_ROOT(t, 1);
    bt_trace_free(r.tracer);
    for (size_t i = 0; i < r.ninputs; i++)
        free(r.inputs_text[i]);
    free(r.inputs_text);
    fflush(stdout);
    bt_repl_stop(r.in);
    return status;
}

int bt_repl_main(int argc, char **argv) {
    return session(argc, argv, NULL, NULL, 0, ".");
}

int bt_repl_main_after(int argc, char **argv, const char *name, const char *src, size_t len,
                       const char *folder) {
    return session(argc, argv, name, src, len, folder);
}
