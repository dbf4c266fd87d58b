/* test_socket.c: the socket and select modules (stdlib/mod_socket.c,
 * stdlib/mod_select.c) where a golden script cannot look: descriptors closed
 * by the collector, descriptors above 1023, a peer written in C, and signals
 * arriving during a blocking call. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/stdlib.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gil.h"
#include "vm/list.h"
#include "vm/str.h"

static BtInterp *interp;
static BtThread *t;
/* The globals every test's code runs in, rooted for the whole test. */
static BtValue globals;

static void setup(void) {
    interp = bt_interp_new(0, NULL, &t);
    cr_assert_not_null(interp);
    interp->native_modules = bt_stdlib_modules;
    cr_assert(bt_builtins_init(t));
    globals = bt_obj(bt_dict_new(t));
    cr_assert_not_null(bt_as_obj(globals));
    BT_PUSH_ROOT(t, &globals);
}

static void teardown(void) {
    BT_POP_ROOT(t, 1);
    bt_interp_free(interp);
}

/* Run src in the shared globals; false with the exception left in t. */
static bool try_run(const char *src) {
    BtStr *name = bt_str_from_cstr(t, "<test>");
    cr_assert_not_null(name);
    BtCode *code = bt_compile_source(t, src, strlen(src), name, BT_COMPILE_FILE);
    cr_assert_not_null(code, "compile failed");
    BtValue cv = bt_obj(code);
    BT_PUSH_ROOT(t, &cv);
    BtValue r = bt_eval_module_code(t, code, bt_as_dict(globals));
    BT_POP_ROOT(t, 1);
    return !bt_is_undef(r);
}

static void run(const char *src) {
    if (!try_run(src)) {
        bt_exc_print(t, bt_take_exc(t), stderr);
        cr_assert_fail("program raised");
    }
}

static BtValue global(const char *name) {
    BtValue v = bt_dict_get_str(bt_as_dict(globals), bt_str_intern_cstr(t, name));
    cr_assert(!bt_is_undef(v), "no global %s", name);
    return v;
}

static int64_t global_int(const char *name) {
    BtValue v = global(name);
    cr_assert(bt_is_int(v), "%s is not an int", name);
    return bt_as_i64(v);
}

static bool fd_is_open(int fd) {
    return fcntl(fd, F_GETFD) != -1;
}

TestSuite(socket, .init = setup, .fini = teardown);

Test(socket, a_collected_socket_closes_its_descriptor) {
    run("import socket\n"
        "s = socket.socket()\n"
        "fd = s.fileno()\n"
        "pair = socket.socketpair()\n"
        "fd0, fd1 = pair[0].fileno(), pair[1].fileno()\n"
        "keep = socket.socket()\n"
        "kept = keep.fileno()\n"
        "del s, pair\n");
    int fds[3] = {(int)global_int("fd"), (int)global_int("fd0"), (int)global_int("fd1")};
    int kept = (int)global_int("kept");
    for (int i = 0; i < 3; i++)
        cr_assert(fd_is_open(fds[i]), "fd %d closed too early", fds[i]);
    bt_gc_collect(t);
    for (int i = 0; i < 3; i++) {
        errno = 0;
        cr_assert(!fd_is_open(fds[i]) && errno == EBADF, "fd %d still open", fds[i]);
    }
    cr_assert(fd_is_open(kept), "a socket still referenced lost its descriptor");
}

Test(socket, a_closed_socket_is_not_closed_again_by_the_collector) {
    /* After close() the number may be reused by another file: the collector
     * must not close that one. */
    run("import socket\n"
        "s = socket.socket()\n"
        "s.close()\n"
        "del s\n");
    int sv[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    bt_gc_collect(t);
    cr_assert(fd_is_open(sv[0]) && fd_is_open(sv[1]));
    close(sv[0]);
    close(sv[1]);
}

Test(socket, select_and_poll_handle_descriptors_above_1023) {
    enum { HIGH = 1500 };
    struct rlimit rl;
    cr_assert_eq(getrlimit(RLIMIT_NOFILE, &rl), 0);
    if (rl.rlim_cur <= HIGH) {
        if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max <= HIGH)
            cr_skip_test("RLIMIT_NOFILE hard limit %lu is too low", (unsigned long)rl.rlim_max);
        rl.rlim_cur = HIGH + 1;
        cr_assert_eq(setrlimit(RLIMIT_NOFILE, &rl), 0);
    }
    int sv[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    cr_assert_eq(dup2(sv[0], HIGH), HIGH);
    close(sv[0]);
    cr_assert_eq(write(sv[1], "x", 1), 1);
    run("import select\n"
        "r, w, x = select.select([1500], [1500], [1500], 1)\n"
        "ok = r == [1500] and w == [1500] and x == []\n"
        "p = select.poll()\n"
        "p.register(1500, select.POLLIN)\n"
        "events = p.poll(1000)\n"
        "ok2 = events == [(1500, select.POLLIN)]\n");
    cr_assert(bt_truthy(t, global("ok")) == 1, "select missed fd 1500");
    cr_assert(bt_truthy(t, global("ok2")) == 1, "poll missed fd 1500");
    close(HIGH);
    close(sv[1]);
}

Test(socket, talks_to_a_server_written_in_c) {
    int server = socket(AF_INET, SOCK_STREAM, 0);
    cr_assert_geq(server, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    cr_assert_eq(bind(server, (struct sockaddr *)&addr, sizeof addr), 0);
    cr_assert_eq(listen(server, 4), 0);
    socklen_t len = sizeof addr;
    cr_assert_eq(getsockname(server, (struct sockaddr *)&addr, &len), 0);
    char src[512];
    snprintf(src, sizeof src,
             "import socket\n"
             "c = socket.create_connection(('127.0.0.1', %d), timeout=5)\n"
             "c.sendall(b'hello from baton')\n"
             "port = c.getpeername()[1]\n",
             ntohs(addr.sin_port));
    run(src);
    cr_assert_eq(global_int("port"), ntohs(addr.sin_port));
    /* The connection sat in the backlog until now. */
    int conn = accept(server, NULL, NULL);
    cr_assert_geq(conn, 0);
    char buf[64] = {0};
    size_t got = 0;
    while (got < 16) {
        ssize_t n = recv(conn, buf + got, sizeof buf - 1 - got, 0);
        cr_assert_gt(n, 0);
        got += (size_t)n;
    }
    cr_assert_str_eq(buf, "hello from baton");
    cr_assert_eq(send(conn, "pong", 4, 0), 4);
    close(conn);
    run("reply = c.recv(100)\n"
        "rest = c.recv(100)\n"
        "c.close()\n");
    BtValue reply = global("reply"), rest = global("rest");
    cr_assert(bt_is_bytes(t, reply) && bt_is_bytes(t, rest));
    cr_assert_eq(((BtBytes *)bt_as_obj(reply))->size, 4);
    cr_assert_eq(memcmp(((BtBytes *)bt_as_obj(reply))->data, "pong", 4), 0);
    cr_assert_eq(((BtBytes *)bt_as_obj(rest))->size, 0, "a closed peer should give b''");
    close(server);
}

/* ---- signals during a blocking call ---- */

typedef struct {
    pthread_t target; /* the thread blocked in the call */
    int sig;          /* what to send it after 50 ms */
    int write_fd;     /* if >= 0: then write one byte here after another 50 ms */
} Interrupter;

static void *interrupt_later(void *arg) {
    Interrupter *in = arg;
    struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
    pthread_kill(in->target, in->sig);
    if (in->write_fd >= 0) {
        nanosleep(&pause, NULL);
        if (write(in->write_fd, "z", 1) != 1)
            abort();
    }
    return NULL;
}

static void on_usr1(int sig) {
    (void)sig;
}

/* Run src while another thread sends sig (and maybe a byte to write_fd). */
static bool run_interrupted(const char *src, int sig, int write_fd) {
    Interrupter in = {pthread_self(), sig, write_fd};
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, interrupt_later, &in), 0);
    bool ok = try_run(src);
    pthread_join(th, NULL);
    return ok;
}

Test(socket, ctrl_c_during_a_blocking_recv_raises_keyboard_interrupt) {
    bt_signals_install(interp);
    int sv[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    char src[256];
    snprintf(src, sizeof src,
             "import socket\n"
             "s = socket.socket(fileno=%d)\n"
             "s.recv(10)\n",
             sv[0]);
    bool ok = run_interrupted(src, SIGINT, -1);
    bt_signals_uninstall();
    cr_assert(!ok, "recv returned instead of raising");
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, KeyboardInterrupt)));
    bt_take_exc(t);
    close(sv[1]);
}

Test(socket, other_signals_do_not_interrupt_blocking_or_timed_calls) {
    struct sigaction sa = {0};
    sa.sa_handler = on_usr1; /* no SA_RESTART: the call sees EINTR */
    sigemptyset(&sa.sa_mask);
    cr_assert_eq(sigaction(SIGUSR1, &sa, NULL), 0);
    int sv[2];
    cr_assert_eq(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    char src[256];
    snprintf(src, sizeof src,
             "import socket\n"
             "s = socket.socket(fileno=%d)\n"
             "got = s.recv(10)\n",
             sv[0]);
    run_interrupted(src, SIGUSR1, sv[1]);
    if (bt_has_exc(t))
        bt_exc_print(t, bt_take_exc(t), stderr);
    BtValue got = global("got");
    cr_assert(bt_is_bytes(t, got) && ((BtBytes *)bt_as_obj(got))->size == 1, "blocking recv lost");
    /* With a timeout, the wait goes on after the signal until it expires. */
    bool ok = run_interrupted("s.settimeout(0.2)\n"
                              "s.recv(10)\n",
                              SIGUSR1, -1);
    cr_assert(!ok);
    cr_assert(bt_exc_pending_is(t, BT_EXC(t, TimeoutError)), "expected TimeoutError");
    bt_take_exc(t);
    /* select too. */
    ok = run_interrupted("import select\n"
                         "ready = select.select([s], [], [], 0.2)\n",
                         SIGUSR1, -1);
    if (!ok)
        bt_exc_print(t, bt_take_exc(t), stderr);
    cr_assert(ok);
    signal(SIGUSR1, SIG_DFL);
    close(sv[1]);
}

/* How many descriptors this process has open (below 4096). */
static int open_descriptors(void) {
    int n = 0;
    for (int fd = 0; fd < 4096; fd++)
        n += fd_is_open(fd);
    return n;
}

Test(socket, dropped_sockets_are_collected_before_descriptors_pile_up) {
    /* Descriptors count as collection pressure: a loop that drops sockets
     * (and files) collects long before it holds a thousand of them, even
     * though the objects themselves are far too small to trigger it. */
    int before = open_descriptors();
    run("import socket\n"
        "for i in range(1200):\n"
        "    s = socket.socket()\n"
        "for i in range(600):\n"
        "    pair = socket.socketpair()\n"
        "for i in range(1200):\n"
        "    f = open('/dev/null')\n");
    int held = open_descriptors() - before;
    cr_assert(held < 700, "%d descriptors still held by garbage", held);
}

Test(socket, running_out_of_descriptors_collects_and_retries) {
    /* Under a limit of 64 descriptors (each test runs in its own process),
     * every call that makes one finds the limit reached and must collect the
     * dropped sockets and files and try again, as CPython succeeds here. */
    struct rlimit lim;
    cr_assert(getrlimit(RLIMIT_NOFILE, &lim) == 0);
    lim.rlim_cur = 64;
    cr_assert(setrlimit(RLIMIT_NOFILE, &lim) == 0);
    run("import socket\n"
        "for i in range(300):\n"
        "    s = socket.socket()\n"
        "for i in range(300):\n"
        "    a, b = socket.socketpair()\n"
        "for i in range(300):\n"
        "    f = open('/dev/null')\n"
        "for i in range(300):\n"
        "    f = open(0, closefd=False)\n"
        "srv = socket.socket()\n"
        "srv.bind(('127.0.0.1', 0))\n"
        "srv.listen(50)\n"
        "port = srv.getsockname()[1]\n"
        "for i in range(200):\n"
        "    c = socket.create_connection(('127.0.0.1', port))\n"
        "    conn, addr = srv.accept()\n"
        "done = 1\n");
    cr_assert_eq(global_int("done"), 1);
}
