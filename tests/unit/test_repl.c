/* test_repl.c: the REPL driven through a pseudo-terminal, as a person would.
 *
 * Each test starts `baton` on the slave side of a forkpty, types keys into
 * the master side (Ctrl-C is byte 3, Ctrl-D byte 4, TAB byte 9) and reads
 * the screen until the text it expects shows up or a timeout passes. The
 * golden transcripts of traces and stepper sessions (tests/repl/cases) run
 * from here too, through tests/repl/goldens.py.
 */
#include <arpa/inet.h>
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#ifndef BT_SOURCE_ROOT
#define BT_SOURCE_ROOT "."
#endif

typedef struct {
    pid_t pid;
    int fd;
    char screen[1 << 16]; /* what was read lately (older output scrolls away) */
    size_t len;
    size_t dropped; /* bytes scrolled away: screen[0] is byte `dropped` of the output */
} Session;

/* The baton binary next to this test's build folder: build/tests/test_repl
 * -> build/repl/baton (or $BATON when set). */
static void baton_path(char *buf, size_t cap) {
    const char *env = getenv("BATON");
    if (env) {
        snprintf(buf, cap, "%s", env);
        return;
    }
    char self[PATH_MAX - 32];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    cr_assert(n > 0);
    self[n] = '\0';
    *strrchr(self, '/') = '\0';
    snprintf(buf, cap, "%s/../repl/baton", self);
}

static void start(Session *s, const char *history) {
    char exe[PATH_MAX];
    baton_path(exe, sizeof exe);
    memset(s, 0, sizeof *s);
    struct winsize ws = {.ws_row = 40, .ws_col = 200};
    s->pid = forkpty(&s->fd, NULL, NULL, &ws);
    cr_assert(s->pid >= 0, "forkpty failed");
    if (s->pid == 0) {
        setenv("BATON_HISTORY", history, 1);
        setenv("TERM", "dumb", 1);
        execl(exe, "baton", (char *)NULL);
        _exit(127);
    }
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Read whatever arrives within `seconds`; false at end of output. A long
 * session scrolls: the older half of the screen goes when it fills up. */
static bool pump(Session *s, double seconds) {
    struct pollfd p = {.fd = s->fd, .events = POLLIN};
    if (poll(&p, 1, (int)(seconds * 1000)) <= 0)
        return true;
    if (s->len > sizeof s->screen * 3 / 4) {
        size_t half = s->len / 2;
        memmove(s->screen, s->screen + half, s->len - half + 1);
        s->len -= half;
        s->dropped += half;
    }
    ssize_t n = read(s->fd, s->screen + s->len, sizeof s->screen - 1 - s->len);
    if (n <= 0)
        return false;
    s->len += (size_t)n;
    s->screen[s->len] = '\0';
    return true;
}

/* Wait until `text` appears in the output after offset *from (which then
 * moves past it), so each expectation reads new output only. */
static bool expect_from(Session *s, size_t *from, const char *text) {
    double end = now() + 10;
    for (;;) {
        char *hit = strstr(s->screen + (*from > s->dropped ? *from - s->dropped : 0), text);
        if (hit) {
            *from = s->dropped + (size_t)(hit - s->screen) + strlen(text);
            return true;
        }
        if (now() > end || !pump(s, 0.05))
            return false;
    }
}

static void type(Session *s, const char *keys) {
    size_t n = strlen(keys);
    cr_assert(write(s->fd, keys, n) == (ssize_t)n);
}

/* The exit status, after the session ends by itself. */
static int finish(Session *s) {
    double end = now() + 10;
    int status = 0;
    while (waitpid(s->pid, &status, WNOHANG) == 0) {
        if (now() > end) {
            kill(s->pid, SIGKILL);
            waitpid(s->pid, &status, 0);
            return -1;
        }
        pump(s, 0.05);
    }
    close(s->fd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static char history_file[64];

/* Line editing, history and completion exist only in a readline build, which
 * creates the history file at start-up: without it, those tests are skipped. */
static void require_readline(Session *s) {
    if (access(history_file, F_OK) == 0)
        return;
    kill(s->pid, SIGKILL);
    waitpid(s->pid, NULL, 0);
    close(s->fd);
    cr_skip_test("baton was built without readline");
}

#define EXPECT(s, at, text)                                                                        \
    cr_assert(expect_from((s), (at), (text)), "never saw %s; screen:\n%s", #text, (s)->screen)

static void make_history(void) {
    /* mkstemp's template: it replaces the six trailing letters with a unique
     * suffix, so each test gets a fresh history file. */
    snprintf(history_file, sizeof history_file, "/tmp/baton_hist_%s", "XXXXXX");
    int fd = mkstemp(history_file);
    cr_assert(fd >= 0);
    close(fd);
    unlink(history_file); /* baton creates it */
}

static void drop_history(void) {
    unlink(history_file);
}

TestSuite(repl, .init = make_history, .fini = drop_history, .timeout = 60);

Test(repl, def_call_echo_traceback_and_ctrl_d) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "def double(x):\r");
    EXPECT(&s, &at, "... ");
    type(&s, "    return 2 * x\r");
    EXPECT(&s, &at, "... ");
    type(&s, "\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "double(21)\r");
    EXPECT(&s, &at, "42\r\n>>> ");
    type(&s, "'ab' * 2\r");
    EXPECT(&s, &at, "'abab'\r\n>>> ");
    type(&s, "None\r");
    EXPECT(&s, &at, "None\r\n>>> "); /* the typed line, then no echo of None */
    type(&s, "_ + 1\r"); /* _ is still 'abab': None is not echoed, so it does not count */
    EXPECT(&s, &at, "TypeError: can only concatenate str (not \"int\") to str");
    type(&s, "1 / 0\r");
    EXPECT(&s, &at, "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                    "ZeroDivisionError: division by zero\r\n>>> ");
    type(&s, "1 +\r");
    EXPECT(&s, &at, "  File \"<stdin>\", line 1\r\n    1 +\r\n       ^\r\nSyntaxError: invalid syntax");
    type(&s, "double('x')\r");
    EXPECT(&s, &at, "'xx'\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0, "Ctrl-D must exit 0; screen:\n%s", s.screen);
}

Test(repl, ctrl_c_interrupts_running_code_and_keeps_state) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "kept = [1, 2, 3]\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "while True: pass\r");
    EXPECT(&s, &at, "... ");
    type(&s, "\r");
    usleep(300 * 1000); /* let the loop start */
    type(&s, "\x03");
    EXPECT(&s, &at, "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                    "KeyboardInterrupt\r\n>>> ");
    type(&s, "kept\r");
    EXPECT(&s, &at, "[1, 2, 3]\r\n>>> ");
    /* A while loop jumps back through its test at the bottom: still interruptible. */
    type(&s, "n = 0\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "while n >= 0: n += 1\r");
    EXPECT(&s, &at, "... ");
    type(&s, "\r");
    usleep(300 * 1000);
    type(&s, "\x03");
    EXPECT(&s, &at, "Traceback (most recent call last):\r\n  File \"<stdin>\", line 1, in <module>\r\n"
                    "KeyboardInterrupt\r\n>>> ");
    type(&s, "n > 0\r");
    EXPECT(&s, &at, "True\r\n>>> ");
    /* Ctrl-C while typing cancels the line, and the session goes on. */
    type(&s, "half a line");
    EXPECT(&s, &at, "half a line");
    type(&s, "\x03");
    EXPECT(&s, &at, "KeyboardInterrupt\r\n>>> ");
    type(&s, "def f():\r");
    EXPECT(&s, &at, "... ");
    type(&s, "\x03");
    EXPECT(&s, &at, "KeyboardInterrupt\r\n>>> ");
    type(&s, "len(kept)\r");
    EXPECT(&s, &at, "3\r\n>>> ");
    type(&s, "exit(4)\r");
    cr_assert_eq(finish(&s), 4, "exit(4) must give status 4; screen:\n%s", s.screen);
}

Test(repl, history_is_kept_across_sessions) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    require_readline(&s);
    type(&s, "print('from' + ' the first session')\r");
    EXPECT(&s, &at, "from the first session\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0);

    start(&s, history_file);
    at = 0;
    EXPECT(&s, &at, ">>> ");
    type(&s, "\x10"); /* Ctrl-P: the previous line, from the history file */
    EXPECT(&s, &at, "print('from' + ' the first session')");
    type(&s, "\r");
    EXPECT(&s, &at, "from the first session\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0);
    FILE *f = fopen(history_file, "r");
    cr_assert(f, "no history file %s", history_file);
    char line[256];
    int hits = 0;
    while (fgets(line, sizeof line, f))
        hits += strstr(line, "the first session") != NULL;
    fclose(f);
    cr_assert_eq(hits, 2, "both sessions' lines belong in the file");
}

Test(repl, tab_completes_names_and_attributes) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    require_readline(&s);
    type(&s, "def my_range(n):\r");
    type(&s, "    yield n\r");
    type(&s, "\r");
    EXPECT(&s, &at, "... \r\n>>> ");
    type(&s, "mr = my_r\t");
    EXPECT(&s, &at, "my_range(");
    type(&s, "5)\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "mr.clo\t");
    EXPECT(&s, &at, "mr.close(");
    type(&s, ")\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "whi\t");
    EXPECT(&s, &at, "while ");
    type(&s, "\x03"); /* the terminal drops input queued before a Ctrl-C: wait for it */
    EXPECT(&s, &at, "KeyboardInterrupt\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

Test(repl, indented_blank_lines_and_comments_keep_a_block_open) {
    /* The notebook's classes have lines of spaces between their methods: only
     * an empty line ends a block, as in CPython's REPL; TAB on an empty
     * word indents. */
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    require_readline(&s);
    type(&s, "class Pair:\r");
    type(&s, "    def first(self):\r");
    type(&s, "        return 1\r");
    type(&s, "    \r");
    type(&s, "    # the second one\r");
    type(&s, "    def second(self):\r");
    type(&s, "        return 2\r");
    type(&s, "\r");
    EXPECT(&s, &at, "... \r\n>>> ");
    type(&s, "Pair().first() + Pair().second()\r");
    EXPECT(&s, &at, "3\r\n>>> ");
    type(&s, "def three():\r");
    type(&s, "\treturn 3\r");
    type(&s, "\r");
    EXPECT(&s, &at, "... \r\n>>> ");
    type(&s, "three()\r");
    EXPECT(&s, &at, "3\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

/* The notebook's reader on the other end of its sockets, on 127.0.0.1 with a
 * port of the system's choosing: takes connections, waits a moment (so the
 * sender's buffers fill, as in the talk), then reads each one to its end. */
typedef struct {
    int listener;
    int port;
    pthread_t thread;
} Sink;

static void *sink_run(void *arg) {
    Sink *k = arg;
    for (;;) {
        int c = accept(k->listener, NULL, NULL);
        if (c < 0)
            return NULL; /* the listener was shut down: the test is over */
        usleep(300 * 1000);
        char buf[1 << 16];
        while (read(c, buf, sizeof buf) > 0)
            ;
        close(c);
    }
}

static void sink_start(Sink *k) {
    k->listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = 0};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    cr_assert(bind(k->listener, (struct sockaddr *)&a, sizeof a) == 0);
    cr_assert(listen(k->listener, 4) == 0);
    cr_assert(getsockname(k->listener, (struct sockaddr *)&a, &len) == 0);
    k->port = ntohs(a.sin_port);
    cr_assert(pthread_create(&k->thread, NULL, sink_run, k) == 0);
}

static void sink_stop(Sink *k) {
    shutdown(k->listener, SHUT_RDWR);
    pthread_join(k->thread, NULL);
    close(k->listener);
}

/* Type one line and wait for the next prompt, as a person does: output then
 * comes in the same order with readline and with the plain line reader
 * (whose input the terminal echoes as it is typed). */
static void say(Session *s, size_t *at, const char *line, const char *next_prompt) {
    type(s, line);
    type(s, "\r");
    EXPECT(s, at, next_prompt);
}

Test(repl, notebook_socket_cells_typed_in) {
    /* Cells 49 and 53 of the talk, typed line by line (the port is the test
     * server's instead of 1111): a blocking send of 9 MB, then a
     * non-blocking one driven by select(). */
    Sink sink;
    sink_start(&sink);
    Session s;
    size_t at = 0;
    char connect[128];
    snprintf(connect, sizeof connect, "sock.connect(('localhost', %d))", sink.port);
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    say(&s, &at, "import socket", ">>> ");
    say(&s, &at, "sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)", ">>> ");
    say(&s, &at, connect, ">>> ");
    say(&s, &at, "data = ('TASK_ONE ' * 1024 ** 2).encode()", ">>> ");
    say(&s, &at, "len_data_sent = sock.send(data)", ">>> ");
    say(&s, &at, "print(len_data_sent == len(data))", "True\r\n>>> ");
    say(&s, &at, "sock.close()", ">>> "); /* the reader takes one connection at a time */
    say(&s, &at, "import select", ">>> ");
    say(&s, &at, "sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)", ">>> ");
    say(&s, &at, connect, ">>> ");
    say(&s, &at, "sock.setblocking(0)", ">>> ");
    say(&s, &at, "data = ('TASK_ONE ' * 1024 ** 2).encode()", ">>> ");
    say(&s, &at, "while data:", "... ");
    say(&s, &at, "    select.select([], [sock], []) # Blocks until sock is free to write to", "... ");
    say(&s, &at, "    len_data_sent = sock.send(data)", "... ");
    say(&s, &at, "    data = data[len_data_sent:]", "... ");
    say(&s, &at, "", ">>> ");
    say(&s, &at, "print(len(data))", "0\r\n>>> ");
    say(&s, &at, "sock.close()", ">>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
    sink_stop(&sink);
}

Test(repl, meta_commands_gens_dis_and_step) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "def my_range(n):\r");
    type(&s, "    i = 0\r");
    type(&s, "    while i < n:\r");
    type(&s, "        yield i\r");
    type(&s, "        i += 1\r");
    type(&s, "\r");
    type(&s, "mr = my_range(10)\r");
    type(&s, "next(mr), next(mr)\r");
    EXPECT(&s, &at, "(0, 1)\r\n>>> ");
    type(&s, ":gens\r");
    EXPECT(&s, &at, "gen my_range");
    EXPECT(&s, &at, "suspended line 4");
    EXPECT(&s, &at, "= mr");
    type(&s, ":dis my_range\r");
    EXPECT(&s, &at, "YIELD_VALUE");
    type(&s, ":step next(mr)\r");
    EXPECT(&s, &at, "(step) ");
    type(&s, "s\r");
    EXPECT(&s, &at, ">>  resume gen my_range#1 <- None");
    EXPECT(&s, &at, "yield i");
    type(&s, "p i\r");
    EXPECT(&s, &at, "1\r\n(step) ");
    type(&s, "c\r");
    EXPECT(&s, &at, "2\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0);
}

Test(repl, two_generators_of_one_function_are_told_apart_by_number_and_variable) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "def my_range(n):\r");
    type(&s, "    i = 0\r");
    type(&s, "    while i < n:\r");
    type(&s, "        yield i\r");
    type(&s, "        i += 1\r");
    type(&s, "\r");
    type(&s, "mr1 = my_range(3)\r");
    type(&s, "mr2 = my_range(5)\r");
    type(&s, "next(mr2)\r");
    EXPECT(&s, &at, "0\r\n>>> ");
    type(&s, "[mr1, mr2]\r");
    EXPECT(&s, &at, "[<generator object my_range at 0x"); /* reprs stay CPython's */
    type(&s, ":gens\r");
    EXPECT(&s, &at, "gen my_range#1           created   line 1     = mr1  (n=3)");
    EXPECT(&s, &at, "gen my_range#2           suspended line 4     = mr2  (n=5)");
    type(&s, ":gens my_range#2\r");
    EXPECT(&s, &at, "gen my_range#2 = mr2: suspended at line 4");
    EXPECT(&s, &at, "->         yield i");
    EXPECT(&s, &at, "waits on: next() or send()");
    EXPECT(&s, &at, "  i = 0");
    type(&s, ":gens mr1\r");
    EXPECT(&s, &at, "waits on: its first next()");
    type(&s, ":gens nothing\r");
    EXPECT(&s, &at, ":gens: no live generator 'nothing'");
    type(&s, ":dis mr2\r");
    EXPECT(&s, &at, "gen my_range#2 is paused at instruction");
    EXPECT(&s, &at, "-->");
    EXPECT(&s, &at, "YIELD_VALUE");
    type(&s, ":trace events\r");
    type(&s, "next(mr1), next(mr2)\r");
    EXPECT(&s, &at, ">>  start gen my_range#1");
    EXPECT(&s, &at, ">>  resume gen my_range#2 <- None");
    EXPECT(&s, &at, "(0, 1)");
    /* Ctrl-D only at the prompt: typed while readline is not reading, the tty
     * can drop it as readline switches modes (seen under BATON_GC_STRESS). */
    EXPECT(&s, &at, "<-- return None from <module>\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0);
}

Test(repl, stepper_pauses_on_ctrl_c_and_breaks_inside_functions_typed_earlier) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    say(&s, &at, "def spin():", "... ");
    say(&s, &at, "    n = 0", "... ");
    say(&s, &at, "    while True:", "... ");
    say(&s, &at, "        n += 1", "... ");
    say(&s, &at, "", ">>> ");
    say(&s, &at, "class Scheduler:", "... ");
    say(&s, &at, "    def join(self):", "... ");
    say(&s, &at, "        total = 0", "... ");
    say(&s, &at, "        for i in range(3):", "... ");
    say(&s, &at, "            total += i", "... ");
    say(&s, &at, "        return total", "... ");
    say(&s, &at, "", ">>> ");
    say(&s, &at, "s = Scheduler()", ">>> ");
    /* c runs on; Ctrl-C pauses at the (step) prompt instead of ending the run. */
    say(&s, &at, ":step spin()", "(step) ");
    say(&s, &at, "c", "c");
    usleep(300 * 1000);
    type(&s, "\x03");
    EXPECT(&s, &at, "Program interrupted. (Use 'cont' to resume).");
    EXPECT(&s, &at, "spin()");
    EXPECT(&s, &at, "(step) ");
    say(&s, &at, "p n > 0", "True\r\n(step) ");
    say(&s, &at, "c", "c");
    usleep(200 * 1000);
    type(&s, "\x03"); /* and again after c */
    EXPECT(&s, &at, "Program interrupted.");
    say(&s, &at, "q", ">>> ");
    /* Inside a blocking call too: the sleep ends, then the stepper stops. */
    say(&s, &at, "import time", ">>> ");
    say(&s, &at, "def nap():", "... ");
    say(&s, &at, "    while True:", "... ");
    say(&s, &at, "        time.sleep(0.05)", "... ");
    say(&s, &at, "", ">>> ");
    say(&s, &at, ":step nap()", "(step) ");
    say(&s, &at, "c", "c");
    usleep(300 * 1000);
    type(&s, "\x03");
    EXPECT(&s, &at, "Program interrupted. (Use 'cont' to resume).");
    EXPECT(&s, &at, "(step) ");
    say(&s, &at, "q", ">>> ");
    /* Breakpoints in code typed at an earlier prompt: by name, then by line. */
    say(&s, &at, ":step s.join()", "(step) ");
    say(&s, &at, "b Scheduler.join", "Breakpoint 1 at Scheduler.join (<stdin>:2)\r\n(step) ");
    say(&s, &at, "c", "> <stdin>(3) Scheduler.join()");
    EXPECT(&s, &at, "->         total = 0");
    say(&s, &at, "b 5", "Breakpoint 2 at <stdin>:5\r\n(step) ");
    say(&s, &at, "c", "> <stdin>(5) Scheduler.join()");
    say(&s, &at, "c", "> <stdin>(5) Scheduler.join()");
    say(&s, &at, "p i", "1\r\n(step) ");
    say(&s, &at, "w", "> Scheduler.join");
    say(&s, &at, "cl", "Deleted breakpoint 2 at <stdin>:5");
    say(&s, &at, "c", "3\r\n>>> ");
    type(&s, "\x04");
    cr_assert_eq(finish(&s), 0);
}

Test(repl, ctrl_d_at_the_continuation_prompt_runs_the_block_then_leaves) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    say(&s, &at, "exit", "Use exit() or Ctrl-D (i.e. EOF) to exit\r\n>>> ");
    say(&s, &at, ":step", "usage: :step STATEMENT");
    say(&s, &at, "nxt", "NameError: name 'nxt' is not defined. Did you mean: 'next'?");
    say(&s, &at, "[].apend", "AttributeError: 'list' object has no attribute 'apend'. "
                             "Did you mean: 'append'?");
    say(&s, &at, ":timeline", "usage: :timeline FILE.svg STATEMENT");
    char svg[64], cmd[128];
    snprintf(svg, sizeof svg, "/tmp/baton_timeline_%d.svg", (int)getpid());
    snprintf(cmd, sizeof cmd, ":timeline %s sum(x * x for x in range(4))", svg);
    say(&s, &at, cmd, "timeline written to");
    EXPECT(&s, &at, ">>> ");
    FILE *f = fopen(svg, "r");
    char head[8] = "";
    cr_assert(f && fread(head, 1, 4, f) == 4, "no picture at %s", svg);
    fclose(f);
    unlink(svg);
    cr_assert_str_eq(head, "<svg");
    say(&s, &at, "for i in range(3):", "... ");
    say(&s, &at, "    print(i * 10)", "... ");
    type(&s, "\x04");
    EXPECT(&s, &at, "0\r\n10\r\n20\r\n");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

/* The pinned transcripts (traces, stepper sessions, piped REPL sessions). */
Test(repl, golden_transcripts, .timeout = 300) {
    char exe[PATH_MAX], cmd[PATH_MAX * 2 + 64];
    baton_path(exe, sizeof exe);
    snprintf(cmd, sizeof cmd, "python3 '%s/tests/repl/goldens.py' '%s'", BT_SOURCE_ROOT, exe);
    int rc = system(cmd);
    cr_assert_eq(rc, 0, "transcripts differ (diff above; regenerate with --regen and review)");
}

/* Ctrl-C reaches the main thread as KeyboardInterrupt while other threads
 * run, wherever the main thread waits: join, sleep, a lock, recv, input. */
Test(repl, ctrl_c_reaches_the_main_thread_while_threads_run) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "import threading, time, socket\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "stop = threading.Event()\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "def spin():\r    while not stop.is_set(): pass\r\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "spinner = threading.Thread(target=spin); spinner.start()\r");
    EXPECT(&s, &at, ">>> ");
    const char *waits[] = {
        "spinner.join()\r",
        "time.sleep(100)\r",
        "lock = threading.Lock(); lock.acquire(); lock.acquire()\r",
        "a, b = socket.socketpair(); a.recv(10)\r",
        "input('say: ')\r",
    };
    for (size_t i = 0; i < sizeof waits / sizeof waits[0]; i++) {
        type(&s, waits[i]);
        usleep(400 * 1000); /* let the wait begin */
        type(&s, "\x03");
        EXPECT(&s, &at, "KeyboardInterrupt\r\n>>> ");
    }
    /* The spinning thread ran all along, and still does. */
    type(&s, "spinner.is_alive()\r");
    EXPECT(&s, &at, "True\r\n>>> ");
    type(&s, "stop.set(); spinner.join(); spinner.is_alive()\r");
    EXPECT(&s, &at, "False\r\n>>> ");
    type(&s, "exit(0)\r");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

/* :threads names every thread with its state and line. */
Test(repl, threads_command_shows_each_thread_state) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "import threading, time\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "stopped = False\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "def spin():\r    while not stopped: pass\r\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "threading.Thread(target=time.sleep, args=(30,), name='sleeper', daemon=True).start()\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "threading.Thread(target=spin, name='spinner').start()\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, ":threads\r");
    EXPECT(&s, &at, "* MainThread");
    EXPECT(&s, &at, "sleeper");
    EXPECT(&s, &at, "blocked in sleep");
    EXPECT(&s, &at, "spinner");
    EXPECT(&s, &at, "waiting for the GIL");
    EXPECT(&s, &at, "<stdin>:2 in spin");
    type(&s, "stopped = True\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "exit(0)\r");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

/* Ctrl-C while scheduler.run() waits in epoll: KeyboardInterrupt out of
 * run(), and the tasks are still there for the next run(). */
Test(repl, ctrl_c_while_the_scheduler_waits) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "import scheduler\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "def nap(n):\r    yield scheduler.sleep(n)\r    print('woke after', n)\r\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "long = scheduler.spawn(nap(100)); short = scheduler.spawn(nap(0.2))\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "scheduler.run()\r");
    EXPECT(&s, &at, "woke after 0.2");
    usleep(300 * 1000); /* run() now waits for the long sleeper */
    type(&s, "\x03");
    EXPECT(&s, &at, "KeyboardInterrupt\r\n>>> ");
    type(&s, "long, short\r");
    EXPECT(&s, &at, "(<Task 'Task-1 (nap)' sleeping>, <Task 'Task-2 (nap)' done>)\r\n>>> ");
    type(&s, "exit(0)\r");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}

/* Leaving the REPL waits for threads that are not daemons, and abandoned
 * generators run their finally blocks, as python3 does at exit. */
Test(repl, ctrl_d_waits_for_threads_and_closes_generators) {
    Session s;
    size_t at = 0;
    start(&s, history_file);
    EXPECT(&s, &at, ">>> ");
    type(&s, "import threading, time\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "def late():\r    time.sleep(0.3)\r    print('late thread done')\r\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "def g():\r    try:\r        yield 1\r    finally:\r        print('cleanup')\r\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "x = g(); next(x)\r");
    EXPECT(&s, &at, "1\r\n>>> ");
    type(&s, "threading.Thread(target=late).start()\r");
    EXPECT(&s, &at, ">>> ");
    type(&s, "\x04");
    EXPECT(&s, &at, "late thread done");
    EXPECT(&s, &at, "cleanup");
    cr_assert_eq(finish(&s), 0, "screen:\n%s", s.screen);
}
