/* main.c: the `baton` command line (repl stage; see repl/README.md).
 *
 * Reads the options, loads the source, and hands it to the stage the user
 * asked to see: the token stream, the syntax tree, or (through the VM) a run.
 * Exit status follows CPython: 0 ok, 1 error in the program, 2 usage error.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/lexer.h"
#include "parser/parser.h"
#include "repl/repl.h"
#include "repl/step.h"
#include "repl/timeline.h"
#include "repl/trace.h"
#include "stdlib/fileio.h"
#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/dis.h"
#include "vm/exc.h"
#include "vm/gil.h"
#include "vm/import.h"
#include "vm/str.h"

#define BT_VERSION "0.1.0"

static const char USAGE[] =
    "usage: baton [option] ... [-c cmd | file] [arg] ...\n";

static const char HELP[] =
    "Options:\n"
    "  -c CODE         run the program passed as a string\n"
    "  -i              start the REPL even when stdin is not a terminal\n"
    "  --tokens FILE   print the token stream of FILE\n"
    "  --ast FILE      print the syntax tree of FILE\n"
    "  --check FILE    parse FILE and report syntax errors, run nothing\n"
    "  --dis FILE      disassemble every code object of FILE, run nothing\n"
    "  --trace         run, printing each instruction and event to stderr\n"
    "  --trace=events  run, printing only calls, returns, yields, resumes, exceptions\n"
    "  --trace=gil     run, printing only GIL and scheduler events\n"
    "  --trace-filter=NAME[,NAME...]\n"
    "                  trace only the functions with these names (implies --trace)\n"
    "  --step          run under the stepper (type help at its prompt)\n"
    "  --timeline=FILE.svg\n"
    "                  run, then draw generators and threads over time as an SVG\n"
    "  --timeline-clock=instructions|wall\n"
    "                  the timeline's clock: instructions executed (the default,\n"
    "                  the same picture every run) or real time\n"
    "  --trace-json=FILE\n"
    "                  run, then write the timeline in Chrome's trace-event format\n"
    "                  (open it in Perfetto or chrome://tracing)\n"
    "  -X gil=priority a thread back from a blocking call asks for the GIL at once\n"
    "                  (the default, -X gil=cpython, waits a switch interval first)\n"
    "  --version       print the version and exit\n"
    "  --help, -h      print this help and exit\n"
    "Arguments:\n"
    "  file            program read from a script file ('-' or none: stdin;\n"
    "                  the REPL when stdin is a terminal)\n"
    "  arg ...         further arguments, passed on in sys.argv[1:]\n";

typedef enum { MODE_RUN, MODE_TOKENS, MODE_AST, MODE_CHECK, MODE_DIS } Mode;

typedef enum { WATCH_NONE, WATCH_TRACE, WATCH_STEP } Watch;

typedef struct {
    Mode mode;
    Watch watch;              /* --trace / --step */
    BtTraceLevel trace_level; /* with WATCH_TRACE */
    const char *trace_filter; /* --trace-filter=NAMES, or NULL */
    bool interactive;         /* -i */
    const char *timeline_svg; /* --timeline=FILE.svg, or NULL */
    const char *trace_json;   /* --trace-json=FILE, or NULL */
    bool wall_clock;          /* --timeline-clock=wall */
    const char *code;   /* -c CODE, or NULL */
    const char *file;   /* script path, or NULL */
    int argc;           /* arguments from the script name on (sys.argv) */
    char **argv;
} Options;

static int usage_error(const char *fmt, const char *arg) {
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    fputs(USAGE, stderr);
    fputs("Try `baton -h' for more information.\n", stderr);
    return 2;
}

/* The --trace and --step family: 0 when a is one of them (recorded in *opt),
 * 1 when it clashes with one given before, -1 when it is another option. */
static int parse_watch_option(const char *a, Options *opt) {
    Watch w = WATCH_TRACE;
    if (strcmp(a, "--trace") == 0 || strcmp(a, "--trace=all") == 0) {
        opt->trace_level = BT_TRACE_ALL;
    } else if (strcmp(a, "--trace=events") == 0) {
        opt->trace_level = BT_TRACE_EVENTS;
    } else if (strcmp(a, "--trace=gil") == 0) {
        opt->trace_level = BT_TRACE_GIL;
    } else if (strncmp(a, "--trace-filter=", 15) == 0) {
        opt->trace_filter = a + 15;
        if (opt->watch == WATCH_TRACE)
            return 0; /* keeps the level chosen by --trace=... */
        opt->trace_level = BT_TRACE_ALL;
    } else if (strcmp(a, "--step") == 0) {
        w = WATCH_STEP;
    } else {
        return -1;
    }
    if (opt->watch != WATCH_NONE && opt->watch != w)
        return 1;
    opt->watch = w;
    return 0;
}

/* Fill *opt from the command line; returns -1 to go on, else an exit status. */
static int parse_options(int argc, char **argv, Options *opt) {
    memset(opt, 0, sizeof *opt);
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(USAGE, stdout);
            fputs(HELP, stdout);
            return 0;
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("Baton %s\n", BT_VERSION);
            return 0;
        }
        if (strcmp(a, "-X") == 0 || strncmp(a, "-X", 2) == 0) {
            /* -X gil=priority|cpython: the GIL's hand-off policy (vm/gil.h), the
             * same as BATON_GIL in the environment. */
            const char *x = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : "");
            if (strcmp(x, "gil=priority") != 0 && strcmp(x, "gil=cpython") != 0)
                return usage_error("baton: unknown -X option '%s' (try -X gil=priority)", x);
            setenv("BATON_GIL", x + 4, 1);
            continue;
        }
        if (strncmp(a, "--timeline=", 11) == 0 && a[11]) {
            opt->timeline_svg = a + 11;
            continue;
        }
        if (strncmp(a, "--trace-json=", 13) == 0 && a[13]) {
            opt->trace_json = a + 13;
            continue;
        }
        if (strcmp(a, "--timeline-clock=wall") == 0 ||
            strcmp(a, "--timeline-clock=instructions") == 0) {
            opt->wall_clock = a[17] == 'w';
            continue;
        }
        int w = parse_watch_option(a, opt);
        if (w > 0)
            return usage_error("%s", "--trace and --step cannot be combined");
        if (w == 0)
            continue;
        if (strcmp(a, "-i") == 0) {
            opt->interactive = true;
            continue;
        }
        if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc)
                return usage_error("Argument expected for the %s option", "-c");
            opt->code = argv[++i];
            opt->argc = argc - i;
            opt->argv = argv + i;
            opt->argv[0] = "-c";
            return -1;
        }
        Mode m = MODE_RUN;
        if (strcmp(a, "--tokens") == 0)
            m = MODE_TOKENS;
        else if (strcmp(a, "--ast") == 0)
            m = MODE_AST;
        else if (strcmp(a, "--check") == 0)
            m = MODE_CHECK;
        else if (strcmp(a, "--dis") == 0)
            m = MODE_DIS;
        else
            return usage_error("unknown option %s", a);
        opt->mode = m;
        if (i + 1 >= argc)
            return usage_error("Argument expected for the %s option", a);
    }
    if ((opt->timeline_svg || opt->trace_json) && opt->watch != WATCH_NONE)
        return usage_error("%s", "--timeline/--trace-json and --trace/--step cannot be combined");
    if (i < argc) {
        opt->file = argv[i];
        opt->argc = argc - i;
        opt->argv = argv + i;
    }
    return -1;
}

/* Read a whole file; NUL-terminates the buffer for convenience (the stages
 * use the length, so NUL bytes inside are still seen and reported). */
static char *read_stream(FILE *f, size_t *len_out) {
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0)
            break;
        if (len + 1 == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                errno = ENOMEM;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    int saved = errno;
    bool failed = ferror(f);
    if (!buf || failed) {
        free(buf);
        errno = failed ? saved : ENOMEM;
        return NULL;
    }
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

static char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = read_stream(f, len_out);
    int saved = errno;
    fclose(f);
    errno = saved;
    return buf;
}

/* CPython shows the main script by its absolute path in tracebacks (made
 * absolute, not resolved: symlinks stay as given). */
static char *display_name(const char *path) {
    if (path[0] == '/')
        return strdup(path);
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return strdup(path);
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t n = strlen(cwd) + strlen(path) + 2;
    char *abs = malloc(n);
    if (abs)
        snprintf(abs, n, "%s/%s", cwd, path);
    return abs;
}

/* The folder of a script path ("" for a bare name), for import's search. */
static char *folder_of(const char *path) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* Write the timeline where the options ask; a file that cannot be written is
 * reported on stderr (the run itself went as it went). */
static void write_pictures(const Options *opt, const BtTimeline *tl) {
    const char *paths[2] = {opt->timeline_svg, opt->trace_json};
    for (int i = 0; i < 2; i++) {
        if (!paths[i])
            continue;
        FILE *f = fopen(paths[i], "w");
        bool ok = f && (i == 0 ? bt_timeline_write_svg(tl, f) : bt_timeline_write_json(tl, f));
        if (f && fclose(f) != 0)
            ok = false;
        if (!ok)
            fprintf(stderr, "baton: can't write '%s': %s\n", paths[i], strerror(errno));
    }
}

/* Run code as module m under the tracer or the stepper the options ask for.
 * false with the exception pending (a `q` in the stepper leaves SystemExit,
 * which ends the run quietly with status 0). */
static bool run_watched(const Options *opt, BtThread *t, BtCode *code, BtModule *m,
                        const char *name, const char *src, size_t len) {
    BtTracer *tracer = NULL;
    BtStepper *stepper = NULL;
    BtTimeline *timeline = NULL;
    if ((opt->timeline_svg || opt->trace_json) && (timeline = bt_timeline_new(opt->wall_clock)))
        bt_timeline_attach(t, timeline);
    if (opt->watch == WATCH_TRACE && (tracer = bt_trace_new(stderr, opt->trace_level,
                                                            opt->trace_filter)))
        bt_trace_attach(t, tracer);
    if (opt->watch == WATCH_STEP && (stepper = bt_step_new(stdout, name, src, len)))
        bt_step_attach(t, stepper);
    bool ok = !bt_is_undef(bt_run_module_code(t, code, m));
    if (tracer)
        bt_trace_detach(t, tracer);
    if (stepper)
        bt_step_detach(t, stepper);
    if (timeline) {
        BtValue exc = bt_take_exc(t); /* the pictures are drawn whatever the run raised */
        bt_timeline_detach(t, timeline);
        write_pictures(opt, timeline);
        t->exc = exc;
        bt_timeline_free(timeline);
    }
    bt_trace_free(tracer);
    bt_step_free(stepper);
    return ok;
}

/* Parse, compile and run (or disassemble) a program as __main__. */
static int run_program(const Options *opt, const char *name, const char *src, size_t len) {
    BtThread *t;
    int status = 0;
    char *folder = opt->file && strcmp(name, "<stdin>") != 0 ? folder_of(name) : strdup(".");
    BtInterp *in = folder ? bt_repl_start(opt->argc, opt->argv, folder, &t, &status) : NULL;
    if (!in) {
        status = folder ? status : 1;
        free(folder);
        return status;
    }
    free(folder);
    BtArena *arena = bt_arena_new();
    BtSyntaxError err;
    BtAstModule *mod = arena ? bt_parse(arena, src, len, BT_PARSE_FILE, &err) : NULL;
    if (!mod) {
        if (arena)
            bt_syntax_error_print(&err, name, src, len, stderr);
        else
            fputs("MemoryError\n", stderr);
        bt_arena_free(arena);
        status = 1;
        goto done;
    }
    BtStr *fname = bt_str_from_cstr(t, name);
    BtCode *code = fname ? bt_compile(t, mod, fname, BT_COMPILE_FILE, &err) : NULL;
    bt_arena_free(arena);
    if (!code) {
        if (bt_has_exc(t))
            status = bt_repl_report_uncaught(t);
        else {
            bt_syntax_error_print(&err, name, src, len, stderr);
            status = 1;
        }
        goto done;
    }
    BtValue code_v = bt_obj(code);
    BT_PUSH_ROOT(t, &code_v);
    if (opt->mode == MODE_DIS) {
        bt_dis_code(t, code, stdout, true);
        BT_POP_ROOT(t, 1);
        goto done;
    }
    BtModule *main_mod = bt_repl_main_module(t, opt->file ? fname : NULL);
    BtValue mv = main_mod ? bt_obj(main_mod) : BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    bt_signals_install(in);
    bool ok = main_mod && run_watched(opt, t, code, main_mod, name, src, len);
    status = ok ? 0 : bt_repl_report_uncaught(t);
    BT_POP_ROOT(t, 2);
    bt_interp_shutdown(t);
    bt_repl_flush_stdout(t);
    if (!bt_fileio_flush_at_exit(t))
        status = 120; /* CPython's status when the standard streams cannot be flushed */
    bt_signals_uninstall();
done:
    fflush(stdout);
    bt_repl_stop(in);
    return status;
}

static int check_source(const char *name, const char *src, size_t len) {
    BtArena *arena = bt_arena_new();
    if (!arena) {
        fputs("MemoryError\n", stderr);
        return 1;
    }
    BtSyntaxError err;
    BtAstModule *mod = bt_parse(arena, src, len, BT_PARSE_FILE, &err);
    if (!mod)
        bt_syntax_error_print(&err, name, src, len, stderr);
    bt_arena_free(arena);
    return mod ? 0 : 1;
}

/* No program given: the REPL when a person types (or -i asks for it). */
static bool wants_repl(const Options *opt) {
    return opt->mode == MODE_RUN && opt->watch == WATCH_NONE &&
           (opt->interactive || isatty(STDIN_FILENO));
}

int main(int argc, char **argv) {
    static char empty_arg[] = "";
    char *empty_argv[] = {empty_arg, NULL}; /* sys.argv == [''] as in python3's REPL */
    /* As CPython: a closed pipe is an EPIPE error (BrokenPipeError), not a death. */
    signal(SIGPIPE, SIG_IGN);
    Options opt;
    int status = parse_options(argc, argv, &opt);
    if (status >= 0)
        return status;

    if (opt.mode != MODE_RUN && !opt.file)
        return usage_error("Argument expected for the %s option", "--tokens/--ast/--check/--dis");
    if (!opt.code && (!opt.file || strcmp(opt.file, "-") == 0) && wants_repl(&opt))
        return bt_repl_main(opt.argc ? opt.argc : 1, opt.argc ? opt.argv : empty_argv);

    const char *src = opt.code;
    size_t len = opt.code ? strlen(opt.code) : 0;
    char *buf = NULL, *name = NULL;
    if (!opt.code && (!opt.file || strcmp(opt.file, "-") == 0)) {
        /* Like python3: a program piped in runs as "<stdin>". */
        name = strdup("<stdin>");
        buf = name ? read_stream(stdin, &len) : NULL;
        if (!buf) {
            fprintf(stderr, "baton: can't read <stdin>: %s\n", strerror(errno));
            free(name);
            return 2;
        }
        opt.file = name;
        if (!opt.argc) {
            opt.argc = 1;
            opt.argv = empty_argv;
        }
        src = buf;
    } else if (opt.file) {
        name = display_name(opt.file);
        buf = read_file(opt.file, &len);
        if (!buf) {
            fprintf(stderr, "baton: can't open file '%s': [Errno %d] %s\n", name, errno,
                    strerror(errno));
            free(name);
            return 2;
        }
        src = buf;
    }
    const char *shown = name ? name : "<string>";
    if (opt.interactive && opt.mode == MODE_RUN && opt.watch == WATCH_NONE && !opt.code &&
        buf && strcmp(shown, "<stdin>") != 0) {
        /* baton -i FILE: run it, then the prompt, as python3 -i does. */
        char *folder = folder_of(shown);
        status = folder ? bt_repl_main_after(opt.argc, opt.argv, shown, src, len, folder) : 1;
        free(folder);
        free(buf);
        free(name);
        return status;
    }

    switch (opt.mode) {
    case MODE_TOKENS:
        status = bt_lexer_dump(shown, src, len, stdout, stderr) ? 0 : 1;
        break;
    case MODE_AST:
        status = bt_ast_dump(shown, src, len, stdout, stderr) ? 0 : 1;
        break;
    case MODE_CHECK:
        status = check_source(shown, src, len);
        break;
    case MODE_RUN:
    case MODE_DIS:
        status = run_program(&opt, shown, src, len);
        break;
    }
    fflush(stdout);
    free(buf);
    free(name);
    return status;
}
