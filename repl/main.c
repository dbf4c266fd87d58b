/* main.c: the `baton` command line (repl stage; see repl/README.md).
 *
 * Reads the options, loads the source, and hands it to the stage the user
 * asked to see: the token stream, the syntax tree, or (through the VM) a run.
 * Exit status follows CPython: 0 ok, 1 error in the program, 2 usage error.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/lexer.h"
#include "parser/parser.h"
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
    "  --tokens FILE   print the token stream of FILE\n"
    "  --ast FILE      print the syntax tree of FILE\n"
    "  --check FILE    parse FILE and report syntax errors, run nothing\n"
    "  --dis FILE      disassemble every code object of FILE, run nothing\n"
    "  --version       print the version and exit\n"
    "  --help, -h      print this help and exit\n"
    "Arguments:\n"
    "  file            program read from a script file\n"
    "  arg ...         further arguments, passed on in sys.argv[1:]\n";

typedef enum { MODE_RUN, MODE_TOKENS, MODE_AST, MODE_CHECK, MODE_DIS } Mode;

typedef struct {
    Mode mode;
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
    if (i < argc) {
        opt->file = argv[i];
        opt->argc = argc - i;
        opt->argv = argv + i;
    }
    return -1;
}

/* Read a whole file; NUL-terminates the buffer for convenience (the stages
 * use the length, so NUL bytes inside are still seen and reported). */
static char *read_file(const char *path, size_t *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
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
    fclose(f);
    if (!buf || failed) {
        free(buf);
        errno = failed ? saved : ENOMEM;
        return NULL;
    }
    buf[len] = '\0';
    *len_out = len;
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

/* sys.stdout.flush(): what print wrote must be out before tracebacks and exit. */
static void flush_stdout(BtThread *t) {
    BtValue saved = bt_take_exc(t);
    BtValue sys = bt_dict_get_str(t->interp->modules, bt_str_intern_cstr(t, "sys"));
    BtValue out = bt_is_undef(sys) ? BT_UNDEF : bt_getattr_opt(t, sys, bt_str_intern_cstr(t, "stdout"));
    BtValue flush = bt_is_undef(out) ? BT_UNDEF : bt_getattr_opt(t, out, BT_NAME(t, flush));
    if (!bt_is_undef(flush) && bt_is_undef(bt_call(t, flush, NULL, 0, NULL)))
        bt_take_exc(t);
    fflush(stdout);
    t->exc = saved;
}

/* Exit status for an uncaught exception, printing it like CPython does. */
static int report_uncaught(BtThread *t) {
    BtValue exc = bt_take_exc(t);
    BT_PUSH_ROOT(t, &exc);
    flush_stdout(t);
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
            status = 1;
        }
    } else {
        bt_exc_print(t, exc, stderr);
    }
    BT_POP_ROOT(t, 1);
    return status;
}

/* Parse, compile and run (or disassemble) a program as __main__. */
static int run_program(const Options *opt, const char *name, const char *src, size_t len) {
    BtThread *t;
    BtInterp *in = bt_interp_new(opt->argc, opt->argv, &t);
    if (!in) {
        fputs("baton: out of memory while starting\n", stderr);
        return 1;
    }
    in->native_modules = bt_stdlib_modules;
    char *folder = opt->file ? folder_of(name) : strdup(".");
    in->main_path = folder;
    int status = 0;
    if (!bt_builtins_init(t)) {
        status = report_uncaught(t);
        goto done;
    }
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
            status = report_uncaught(t);
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
    BtModule *main_mod = bt_module_new(t, bt_str_intern_cstr(t, "__main__"));
    BtValue mv = main_mod ? bt_obj(main_mod) : BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    bool ok = main_mod && bt_dict_set_str(t, in->modules, BT_NAME(t, dunder_main), mv);
    if (ok && opt->file)
        ok = bt_dict_set_str(t, main_mod->dict, BT_NAME(t, dunder_file), bt_obj(fname));
    bt_signals_install(in);
    if (ok)
        ok = !bt_is_undef(bt_run_module_code(t, code, main_mod));
    status = ok ? 0 : report_uncaught(t);
    BT_POP_ROOT(t, 2);
    flush_stdout(t);
    bt_signals_uninstall();
done:
    fflush(stdout);
    bt_interp_free(in);
    free(folder);
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

int main(int argc, char **argv) {
    Options opt;
    int status = parse_options(argc, argv, &opt);
    if (status >= 0)
        return status;

    if (opt.mode != MODE_RUN && !opt.file)
        return usage_error("Argument expected for the %s option", "--tokens/--ast/--check/--dis");
    if (!opt.code && !opt.file) {
        fputs("baton: the interactive REPL is not built yet; pass a FILE or -c CODE\n", stderr);
        return 2;
    }

    const char *src = opt.code;
    size_t len = opt.code ? strlen(opt.code) : 0;
    char *buf = NULL, *name = NULL;
    if (opt.file) {
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
