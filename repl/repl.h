/* repl.h: the interactive session and what every run shares (repl stage).
 *
 * The REPL reads inputs (readline when built with it, a plain line reader
 * otherwise), compiles each as an interactive statement and runs it in one
 * persistent __main__ module. The helpers below (start an interpreter, make
 * __main__, report an uncaught exception, flush sys.stdout, read a line with
 * Ctrl-C handling) are shared with main.c's script runs and with the stepper.
 */
#ifndef BT_REPL_H
#define BT_REPL_H

#include <stdbool.h>

#include "vm/func.h"

/* An interpreter with the standard library and builtins ready; main_folder
 * (copied) is where `import` looks first. NULL, with the reason printed to
 * stderr and *status set, when start-up fails. Free with bt_repl_stop. */
BtInterp *bt_repl_start(int argc, char **argv, const char *main_folder, BtThread **t_out,
                        int *status);
void bt_repl_stop(BtInterp *in);
/* A new module named __main__, registered in sys.modules; with file given,
 * its __file__. NULL with an exception raised. */
BtModule *bt_repl_main_module(BtThread *t, BtStr *file);
/* sys.stdout.flush() then the C stream: output must be out before tracebacks. */
void bt_repl_flush_stdout(BtThread *t);
/* Take t's pending exception and report it as CPython does at top level:
 * SystemExit becomes the status (its message printed when not an int),
 * anything else prints its traceback to stderr and gives 1. */
int bt_repl_report_uncaught(BtThread *t);

typedef enum {
    BT_READ_LINE,      /* *line holds the text, without its newline (free it) */
    BT_READ_EOF,       /* Ctrl-D, or the end of piped input */
    BT_READ_INTERRUPT, /* Ctrl-C: the line was cancelled ("KeyboardInterrupt" printed) */
} BtReadStatus;

/* Read one line after `prompt`, with line editing and history on a terminal.
 * Ctrl-C (SIGINT routed to in's eval breaker) cancels the line. When input is
 * not a terminal the line is echoed after the prompt, so a piped session
 * reads like a typed one. */
BtReadStatus bt_repl_read_line(BtInterp *in, const char *prompt, char **line);

/* The interactive session (`baton` on a terminal, `baton -i`): returns the
 * exit status (0 on Ctrl-D, the SystemExit code on exit()). */
int bt_repl_main(int argc, char **argv);
/* `baton -i FILE`: run FILE (display name `name`, text src/len) as __main__,
 * report what it raised (SystemExit too), then open the session on it. */
int bt_repl_main_after(int argc, char **argv, const char *name, const char *src, size_t len,
                       const char *folder);

#endif
