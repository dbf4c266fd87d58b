/* mod_socket.c: the socket module over POSIX sockets (stdlib stage; see stdlib/README.md).
 *
 * A socket object owns one descriptor (-1 once closed) and closes it when it
 * is collected. Its timeout decides how a call waits, as in CPython: None
 * blocks, 0.0 never waits (BlockingIOError), a positive timeout polls before
 * each call and raises TimeoutError('timed out'); the descriptor is
 * O_NONBLOCK exactly when the timeout is not None. Every system call that may
 * block sits between BT_RELEASE_GIL and BT_ACQUIRE_GIL (vm/gil.h) with only C
 * memory in reach; EINTR retries unless Ctrl-C is pending, which becomes
 * KeyboardInterrupt. send passes MSG_NOSIGNAL: a closed peer is
 * BrokenPipeError, never a SIGPIPE that kills the process.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/gil.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

#define NS_PER_SEC 1000000000LL

typedef struct {
    BtObject hdr;
    int fd;             /* the descriptor; -1 once closed or detached */
    int family;         /* .family: AF_INET, AF_INET6, AF_UNIX, ... */
    int type;           /* .type: SOCK_STREAM, SOCK_DGRAM, ... without SOCK_NONBLOCK/CLOEXEC */
    int proto;          /* .proto */
    int64_t timeout_ns; /* -1: blocking (None); 0: non-blocking; > 0: how long one call waits */
} BtSocket;

/* A socket address in the form the system calls take. */
typedef struct {
    struct sockaddr_storage ss;
    socklen_t len;
} SockAddr;

static BtSocket *as_socket(BtValue v) {
    return (BtSocket *)bt_as_obj(v);
}

/* ---- arguments ---- */

/* CPython words argument-count errors by how each function is written there.
 * This is the text of C functions parsed with PyArg_ParseTuple: keywords
 * name the method in full, counts do not ("socket.recv() takes no keyword
 * arguments", "recv() takes at least 1 argument (0 given)"). */
static bool tuple_args(BtThread *t, const char *qualname, int nargs, BtTuple *kwnames, int min,
                       int max) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", qualname);
        return false;
    }
    if (nargs >= min && nargs <= max)
        return true;
    const char *dot = strrchr(qualname, '.');
    const char *how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
    int n = nargs < min ? min : max;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes %s %d argument%s (%d given)",
             dot ? dot + 1 : qualname, how, n, n == 1 ? "" : "s", nargs);
    return false;
}

/* The text of functions written in Python there (socket.__init__, accept,
 * close, socketpair, create_connection): params are positional-or-keyword,
 * '|' marks the first optional one, and at most one is required. nself is 1
 * for methods, since Python counts self in "takes 1 positional argument". */
static bool py_args(BtThread *t, const char *name, int nself, BtValue *args, int nargs,
                    BtTuple *kwnames, const char *const *params, BtValue *out) {
    int nparams = 0, nreq = -1;
    for (; params[nparams]; nparams++) {
        if (params[nparams][0] == '|' && nreq < 0)
            nreq = nparams;
        out[nparams] = BT_UNDEF;
    }
    if (nreq < 0)
        nreq = nparams;
    if (nargs > nparams) {
        int given = nargs + nself;
        const char *were = given == 1 ? "was" : "were";
        if (nreq == nparams)
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes %d positional argument%s but %d %s given",
                     name, nparams + nself, nparams + nself == 1 ? "" : "s", given, were);
        else
            bt_raise(t, BT_EXC(t, TypeError),
                     "%s() takes from %d to %d positional arguments but %d %s given", name,
                     nreq + nself, nparams + nself, given, were);
        return false;
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    for (size_t k = 0; kwnames && k < kwnames->len; k++) {
        BtStr *kw = bt_as_str(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nparams && found < 0; i++)
            if (strcmp(params[i] + (params[i][0] == '|'), kw->data) == 0)
                found = i;
        if (found < 0) {
            bt_raise(t, BT_EXC(t, TypeError), "%s() got an unexpected keyword argument '%S'", name,
                     kw);
            return false;
        }
        if (!bt_is_undef(out[found])) {
            bt_raise(t, BT_EXC(t, TypeError), "%s() got multiple values for argument '%S'", name,
                     kw);
            return false;
        }
        out[found] = args[nargs + (int)k];
    }
    for (int i = 0; i < nreq; i++)
        if (bt_is_undef(out[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "%s() missing 1 required positional argument: '%s'",
                     name, params[i]);
            return false;
        }
    return true;
}

/* A C int from v. The overflow text is PyArg_ParseTuple's for arguments of
 * C methods (pyarg) and _PyLong_AsInt's for the others, as in CPython. */
static bool int_arg(BtThread *t, BtValue v, int *out, bool pyarg) {
    int64_t i;
    if (!bt_int_index(t, v, &i))
        return false;
    if (i > INT_MAX || i < INT_MIN) {
        if (!pyarg)
            bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        else
            bt_raise(t, BT_EXC(t, OverflowError), "signed integer is %s",
                     i > 0 ? "greater than maximum" : "less than minimum");
        return false;
    }
    *out = (int)i;
    return true;
}

/* The data argument of send/sendall/sendto: any bytes-like object, as a
 * bytes (a copy of a bytearray or view: the send runs without the GIL). */
static BtBytes *bytes_arg(BtThread *t, BtValue *slot) {
    BtBytes *b = bt_bytes_of_arg(t, slot);
    if (!b && !bt_has_exc(t))
        bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", *slot);
    return b;
}

/* settimeout's argument in nanoseconds (None is -1), rounded up as CPython does. */
static bool timeout_arg(BtThread *t, BtValue v, int64_t *ns) {
    if (bt_is_none(v)) {
        *ns = -1;
        return true;
    }
    double d;
    if (bt_is_float(v)) {
        d = bt_as_f64(v);
        if (isnan(d)) {
            bt_raise(t, BT_EXC(t, ValueError), "Invalid value NaN (not a number)");
            return false;
        }
    } else {
        int64_t i;
        if (!bt_int_index(t, v, &i))
            return false;
        d = (double)i;
    }
    if (d < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "Timeout value out of range");
        return false;
    }
    if (d * 1e9 >= 9.2e18) {
        bt_raise(t, BT_EXC(t, OverflowError), "timestamp out of range for platform time_t");
        return false;
    }
    *ns = (int64_t)ceil(d * 1e9);
    return true;
}

/* gettimeout()'s value for a timeout in nanoseconds. */
static BtValue timeout_value(int64_t ns) {
    if (ns < 0)
        return BT_NONE;
    if (ns % NS_PER_SEC == 0)
        return bt_float((double)(ns / NS_PER_SEC));
    return bt_float((double)ns / 1e9);
}

/* ---- waiting ---- */

static int64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS_PER_SEC + ts.tv_nsec;
}

/* When a call on s must give up: -1 for never (s has no positive timeout). */
static int64_t deadline_for(BtSocket *s) {
    return s->timeout_ns > 0 ? now_ns() + s->timeout_ns : -1;
}

/* Raise an OSError-family exception with a message and no errno. Made by
 * calling the class, since bt_raise leaves OSError's errno/strerror/filename
 * attributes unset. */
static void raise_os_msg(BtThread *t, BtType *type, const char *msg) {
    BtStr *m = bt_str_from_cstr(t, msg);
    if (!m)
        return;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    BtValue e = bt_exc_new(t, type, &mv, 1);
    if (!bt_is_undef(e))
        bt_raise_value(t, e);
    BT_POP_ROOT(t, 1);
}

static bool raise_timeout(BtThread *t) {
    raise_os_msg(t, BT_EXC(t, TimeoutError), "timed out");
    return false;
}

/* Wait until fd is readable (or writable) or the deadline (-1: none)
 * passes: 1 ready, 0 timed out, -1 raised. */
static int wait_ready(BtThread *t, int fd, bool writing, int64_t deadline) {
    for (;;) {
        struct timespec ts, *tsp = NULL;
        if (deadline >= 0) {
            int64_t left = deadline - now_ns();
            if (left <= 0)
                return 0;
            ts.tv_sec = (time_t)(left / NS_PER_SEC);
            ts.tv_nsec = (long)(left % NS_PER_SEC);
            tsp = &ts;
        }
        struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
        BT_RELEASE_GIL(t, writing ? "poll for send" : "poll for recv");
        int rc = ppoll(&p, 1, tsp, NULL);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc >= 0)
            return rc > 0;
        if (err != EINTR) {
            bt_raise_errno(t, err, NULL);
            return -1;
        }
        if (!bt_check_signals(t))
            return -1;
    }
}

/* One transfer call: what sock_call runs, with C memory only. */
typedef enum { OP_SEND, OP_SENDTO, OP_RECV, OP_RECVFROM, OP_ACCEPT } IoKind;

typedef struct {
    IoKind kind;
    const void *out; /* OP_SEND/OP_SENDTO: the bytes to send */
    void *in;        /* OP_RECV/OP_RECVFROM: where received bytes go */
    size_t len;      /* bytes to send, or room in `in` */
    int flags;       /* MSG_* */
    SockAddr *addr;  /* OP_SENDTO: the target; OP_RECVFROM/OP_ACCEPT: the peer (filled in) */
    ssize_t result;  /* bytes moved, or the accepted descriptor */
} IoCall;

static ssize_t io_syscall(int fd, IoCall *c) {
    switch (c->kind) {
    case OP_SEND:
        return send(fd, c->out, c->len, c->flags | MSG_NOSIGNAL);
    case OP_SENDTO:
        return sendto(fd, c->out, c->len, c->flags | MSG_NOSIGNAL, (struct sockaddr *)&c->addr->ss,
                      c->addr->len);
    case OP_RECV:
        return recv(fd, c->in, c->len, c->flags);
    case OP_RECVFROM:
        c->addr->len = sizeof c->addr->ss;
        return recvfrom(fd, c->in, c->len, c->flags, (struct sockaddr *)&c->addr->ss,
                        &c->addr->len);
    case OP_ACCEPT:
        c->addr->len = sizeof c->addr->ss;
        return accept4(fd, (struct sockaddr *)&c->addr->ss, &c->addr->len, SOCK_CLOEXEC);
    }
    errno = EINVAL;
    return -1;
}

/* Run c on s by s's timeout rules; deadline comes from deadline_for (sendall
 * keeps one across its chunks). The bytes c sends belong to a bytes object
 * the caller's arguments keep alive; bytes never change and the collector
 * never moves objects, so reading them without the GIL is safe. False with
 * the exception raised. */
static bool sock_call(BtThread *t, BtSocket *s, IoCall *c, int64_t deadline) {
    int fd = s->fd;
    bool timed = s->timeout_ns > 0;
    bool writing = c->kind == OP_SEND || c->kind == OP_SENDTO;
    bool collected = false; /* accept() ran out of descriptors once and collected */
    if (fd < 0) {
        bt_raise_errno(t, EBADF, NULL);
        return false;
    }
    for (;;) {
        if (timed) {
            int ready = wait_ready(t, fd, writing, deadline);
            if (ready <= 0)
                return ready == 0 ? raise_timeout(t) : false;
        }
        static const char *const op_names[] = {"send", "sendto", "recv", "recvfrom", "accept"};
        BT_RELEASE_GIL(t, op_names[c->kind]);
        ssize_t n = io_syscall(fd, c);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (n >= 0) {
            c->result = n;
            return true;
        }
        if (err == EINTR) {
            if (!bt_check_signals(t))
                return false;
        } else if (c->kind == OP_ACCEPT && !collected && bt_gc_fd_exhausted(t, err)) {
            collected = true;
        } else if (!(timed && (err == EAGAIN || err == EWOULDBLOCK))) {
            bt_raise_errno(t, err, NULL);
            return false;
        }
    }
}

/* ---- addresses ---- */

/* socket.NAME as the module holds it (gaierror), or OSError if the program
 * took it away. */
static BtType *module_class(BtThread *t, const char *name) {
    BtStr *mod = bt_str_intern_cstr(t, "socket");
    BtStr *key = mod ? bt_str_intern_cstr(t, name) : NULL;
    if (key) {
        BtValue m = bt_dict_get_str(t->interp->modules, mod);
        if (bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, module)) {
            BtValue v = bt_dict_get_str(((BtModule *)bt_as_obj(m))->dict, key);
            if (bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(t, type))
                return (BtType *)bt_as_obj(v);
        }
    }
    return BT_EXC(t, OSError);
}

/* Raise socket.gaierror for getaddrinfo's code (err: errno after the call). */
static void raise_gai(BtThread *t, int code, int err) {
    if (code == EAI_SYSTEM) {
        bt_raise_errno(t, err, NULL);
        return;
    }
    BtType *cls = module_class(t, "gaierror");
    BtStr *msg = bt_str_from_cstr(t, gai_strerror(code));
    if (!msg)
        return;
    BtValue args[2] = {bt_int(code), bt_obj(msg)};
    BT_PUSH_ROOT(t, &args[1]);
    BtValue e = bt_exc_new(t, cls, args, 2);
    BT_PUSH_ROOT(t, &e);
    /* The VM fills errno/strerror only for OSError itself, not for classes
     * made by a class statement, so set them here. */
    if (!bt_is_undef(e) && bt_setattr(t, e, BT_NAME(t, errno_), args[0]) &&
        bt_setattr(t, e, BT_NAME(t, strerror), args[1]) &&
        bt_setattr(t, e, BT_NAME(t, filename), BT_NONE))
        bt_raise_value(t, e);
    BT_POP_ROOT(t, 2);
}

/* The text of a host or path argument (str or bytes), or NULL if it is neither. */
static const char *text_of(BtThread *t, BtValue v, size_t *len) {
    if (bt_is_str(t, v)) {
        *len = bt_as_str(v)->size;
        return bt_as_str(v)->data;
    }
    if (bt_is_bytes(t, v)) {
        *len = ((BtBytes *)bt_as_obj(v))->size;
        return (const char *)((BtBytes *)bt_as_obj(v))->data;
    }
    return NULL;
}

/* Run getaddrinfo without the GIL on copies of host and port (either may be
 * NULL); raises gaierror. */
static struct addrinfo *lookup(BtThread *t, const char *host, size_t hostlen, const char *port,
                               int family, int socktype, int flags) {
    char *h = host ? strndup(host, hostlen) : NULL;
    if (host && !h) {
        bt_raise_memory(t);
        return NULL;
    }
    struct addrinfo hints = {.ai_family = family, .ai_socktype = socktype, .ai_flags = flags};
    struct addrinfo *res = NULL;
    BT_RELEASE_GIL(t, "getaddrinfo");
    int rc = getaddrinfo(h, port, &hints, &res);
    int err = errno;
    BT_ACQUIRE_GIL(t);
    free(h);
    if (rc != 0) {
        raise_gai(t, rc, err);
        return NULL;
    }
    return res;
}

/* The address part of an AF_INET or AF_INET6 sockaddr at out from a host:
 * '' is the any-address, '<broadcast>' the broadcast address, a numeric
 * address is taken as it is, a name goes through getaddrinfo. */
static bool resolve_host(BtThread *t, BtValue host, int family, struct sockaddr *out) {
    size_t len;
    const char *name = text_of(t, host, &len);
    if (!name) {
        bt_raise(t, BT_EXC(t, TypeError), "str, bytes or bytearray expected, not %T", host);
        return false;
    }
    if (memchr(name, '\0', len)) {
        bt_raise(t, BT_EXC(t, TypeError), "host name must not contain null character");
        return false;
    }
    void *addr = family == AF_INET ? (void *)&((struct sockaddr_in *)out)->sin_addr
                                   : (void *)&((struct sockaddr_in6 *)out)->sin6_addr;
    if (len == 0) {
        if (family == AF_INET)
            ((struct sockaddr_in *)out)->sin_addr.s_addr = htonl(INADDR_ANY);
        else
            ((struct sockaddr_in6 *)out)->sin6_addr = in6addr_any;
        return true;
    }
    if (family == AF_INET && strcmp(name, "<broadcast>") == 0) {
        ((struct sockaddr_in *)out)->sin_addr.s_addr = htonl(INADDR_BROADCAST);
        return true;
    }
    if (inet_pton(family, name, addr) == 1)
        return true;
    struct addrinfo *res = lookup(t, name, len, NULL, family, 0, 0);
    if (!res)
        return false;
    if (family == AF_INET)
        ((struct sockaddr_in *)out)->sin_addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr;
    else
        ((struct sockaddr_in6 *)out)->sin6_addr = ((struct sockaddr_in6 *)res->ai_addr)->sin6_addr;
    freeaddrinfo(res);
    return true;
}

/* Parse a Python address for s's family into out: (host, port) for AF_INET,
 * (host, port[, flowinfo[, scope_id]]) for AF_INET6, a path for AF_UNIX.
 * caller names the method in CPython's messages ("connect(): ..."). */
static bool parse_addr(BtThread *t, BtSocket *s, BtValue addr, const char *caller, SockAddr *out) {
    memset(out, 0, sizeof *out);
    if (s->family == AF_UNIX) {
        size_t len;
        const char *path = text_of(t, addr, &len);
        if (!path) {
            bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", addr);
            return false;
        }
        struct sockaddr_un *un = (struct sockaddr_un *)&out->ss;
        bool abstract = len > 0 && path[0] == '\0'; /* Linux's abstract namespace */
        if (len + !abstract > sizeof un->sun_path) {
            raise_os_msg(t, BT_EXC(t, OSError), "AF_UNIX path too long");
            return false;
        }
        un->sun_family = AF_UNIX;
        memcpy(un->sun_path, path, len);
        out->len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + len);
        return true;
    }
    if (s->family != AF_INET && s->family != AF_INET6) {
        raise_os_msg(t, BT_EXC(t, OSError), "getsockaddrarg: bad family");
        return false;
    }
    const char *fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!bt_is_tuple(t, addr)) {
        bt_raise(t, BT_EXC(t, TypeError), "%s(): %s address must be tuple, not %T", caller, fam,
                 addr);
        return false;
    }
    BtTuple *tup = bt_as_tuple(addr);
    int port;
    if (s->family == AF_INET) {
        if (tup->len != 2) {
            bt_raise(t, BT_EXC(t, TypeError), "AF_INET address must be a pair (host, port)");
            return false;
        }
        struct sockaddr_in *in = (struct sockaddr_in *)&out->ss;
        if (!text_of(t, tup->items[0], &(size_t){0})) {
            bt_raise(t, BT_EXC(t, TypeError), "str, bytes or bytearray expected, not %T",
                     tup->items[0]);
            return false;
        }
        if (!int_arg(t, tup->items[1], &port, true) ||
            !resolve_host(t, tup->items[0], AF_INET, (struct sockaddr *)in))
            return false;
        in->sin_family = AF_INET;
        in->sin_port = htons((uint16_t)port);
        out->len = sizeof *in;
    } else {
        if (tup->len < 2 || tup->len > 4) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
            return false;
        }
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&out->ss;
        int64_t flow = 0, scope = 0;
        if (!text_of(t, tup->items[0], &(size_t){0})) {
            bt_raise(t, BT_EXC(t, TypeError), "str, bytes or bytearray expected, not %T",
                     tup->items[0]);
            return false;
        }
        if (!int_arg(t, tup->items[1], &port, true) ||
            (tup->len > 2 && !bt_int_index(t, tup->items[2], &flow)) ||
            (tup->len > 3 && !bt_int_index(t, tup->items[3], &scope)) ||
            !resolve_host(t, tup->items[0], AF_INET6, (struct sockaddr *)in6))
            return false;
        /* CPython reads both as C unsigned ints, so -1 is 0xffffffff. */
        uint32_t flowinfo = (uint32_t)flow;
        if (flowinfo > 0xfffff) {
            bt_raise(t, BT_EXC(t, OverflowError), "%s(): flowinfo must be 0-1048575.", caller);
            return false;
        }
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons((uint16_t)port);
        in6->sin6_flowinfo = htonl(flowinfo);
        in6->sin6_scope_id = (uint32_t)scope;
        out->len = sizeof *in6;
    }
    if (port < 0 || port > 65535) {
        bt_raise(t, BT_EXC(t, OverflowError), "%s(): port must be 0-65535.", caller);
        return false;
    }
    return true;
}

/* The Python form of a C address: None when the call gave none. */
static BtValue make_addr(BtThread *t, const SockAddr *a) {
    if (a->len == 0)
        return BT_NONE;
    const struct sockaddr *sa = (const struct sockaddr *)&a->ss;
    char host[INET6_ADDRSTRLEN];
    if (sa->sa_family == AF_INET || sa->sa_family == AF_INET6) {
        bool v4 = sa->sa_family == AF_INET;
        const struct sockaddr_in *in = (const struct sockaddr_in *)sa;
        const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)sa;
        inet_ntop(sa->sa_family, v4 ? (const void *)&in->sin_addr : (const void *)&in6->sin6_addr,
                  host, sizeof host);
        BtStr *h = bt_str_from_cstr(t, host);
        if (!h)
            return BT_UNDEF;
        BtValue items[4] = {bt_obj(h), bt_int(ntohs(v4 ? in->sin_port : in6->sin6_port)),
                            bt_int(v4 ? 0 : ntohl(in6->sin6_flowinfo)),
                            bt_int(v4 ? 0 : in6->sin6_scope_id)};
        BT_PUSH_ROOT(t, &items[0]);
        BtTuple *tup = bt_tuple_from(t, items, v4 ? 2 : 4);
        BT_POP_ROOT(t, 1);
        return tup ? bt_obj(tup) : BT_UNDEF;
    }
    if (sa->sa_family == AF_UNIX) {
        const struct sockaddr_un *un = (const struct sockaddr_un *)sa;
        size_t len = a->len - offsetof(struct sockaddr_un, sun_path);
        if (a->len <= offsetof(struct sockaddr_un, sun_path))
            len = 0;
        if (len > 0 && un->sun_path[0] == '\0') {
            BtBytes *b = bt_bytes_new(t, (const uint8_t *)un->sun_path, len);
            return b ? bt_obj(b) : BT_UNDEF;
        }
        BtStr *p = bt_str_new(t, un->sun_path, strnlen(un->sun_path, len));
        return p ? bt_obj(p) : BT_UNDEF;
    }
    return BT_NONE;
}

/* ---- socket objects ---- */

/* A socket object owning fd (closed here if the allocation fails). */
static BtSocket *socket_wrap(BtThread *t, BtType *type, int fd, int family, int stype, int proto,
                             int64_t timeout_ns) {
    BtSocket *s = bt_gc_alloc(t, type, sizeof(BtSocket));
    if (!s) {
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->family = family;
    s->type = stype & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = proto;
    s->timeout_ns = timeout_ns;
    bt_gc_fd_opened(t);
    return s;
}

static bool set_nonblocking(BtThread *t, int fd, bool on) {
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK) < 0) {
        bt_raise_errno(t, errno, NULL);
        return false;
    }
    return true;
}

/* getsockopt for an int option of fd; false with OSError raised. */
static bool sockopt_int(BtThread *t, int fd, int opt, int *out) {
    socklen_t len = sizeof *out;
    if (getsockopt(fd, SOL_SOCKET, opt, out, &len) < 0) {
        bt_raise_errno(t, errno, NULL);
        return false;
    }
    return true;
}

/* socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None): with a
 * fileno, the missing family/type/proto are read from the descriptor. */
static BtValue socket_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    static const char *const params[] = {"|family", "type", "proto", "fileno", NULL};
    BtValue a[4];
    if (!py_args(t, "socket.__init__", 1, args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int v[3] = {-1, -1, -1}; /* family, type, proto */
    for (int i = 0; i < 3; i++)
        if (!bt_is_undef(a[i]) && !int_arg(t, a[i], &v[i], false))
            return BT_UNDEF;
    int fd;
    if (!bt_is_undef(a[3]) && !bt_is_none(a[3])) {
        if (!int_arg(t, a[3], &fd, false))
            return BT_UNDEF;
        if (fd < 0) {
            bt_raise(t, BT_EXC(t, ValueError), "negative file descriptor");
            return BT_UNDEF;
        }
        static const int opts[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
        for (int i = 0; i < 3; i++)
            if (v[i] == -1 && !sockopt_int(t, fd, opts[i], &v[i]))
                return BT_UNDEF;
    } else {
        if (v[0] == -1)
            v[0] = AF_INET;
        if (v[1] == -1)
            v[1] = SOCK_STREAM;
        if (v[2] == -1)
            v[2] = 0;
        fd = socket(v[0], v[1] | SOCK_CLOEXEC, v[2]);
        /* Out of descriptors: collecting may close dropped sockets and files. */
        if (fd < 0 && bt_gc_fd_exhausted(t, errno))
            fd = socket(v[0], v[1] | SOCK_CLOEXEC, v[2]);
        if (fd < 0) {
            bt_raise_errno(t, errno, NULL);
            return BT_UNDEF;
        }
    }
    BtSocket *s = socket_wrap(t, type, fd, v[0], v[1], v[2], (v[1] & SOCK_NONBLOCK) ? 0 : -1);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* connect(2) by s's timeout rules. Returns 0 when connected; a failure is
 * raised (-1) when `raise`, else returned as its errno (connect_ex). */
static int do_connect(BtThread *t, BtSocket *s, const SockAddr *addr, bool raise) {
    int fd = s->fd, err = EBADF;
    if (fd >= 0) {
        BT_RELEASE_GIL(t, "connect");
        int rc = connect(fd, (const struct sockaddr *)&addr->ss, addr->len);
        err = rc == 0 ? 0 : errno;
        BT_ACQUIRE_GIL(t);
        /* Interrupted, the connection goes on in the background: wait for it
         * unless the signal was Ctrl-C. With a timeout, wait as long. */
        if (err == EINTR && !bt_check_signals(t))
            return -1;
        if ((err == EINTR && s->timeout_ns != 0) || (err == EINPROGRESS && s->timeout_ns > 0)) {
            int ready = wait_ready(t, fd, true, deadline_for(s));
            if (ready < 0)
                return -1;
            if (ready == 0 && raise) {
                raise_timeout(t);
                return -1;
            }
            if (ready == 0)
                return EWOULDBLOCK;
            socklen_t len = sizeof err;
            if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
                err = errno;
        }
    }
    if (err && raise) {
        bt_raise_errno(t, err, NULL);
        return -1;
    }
    return err;
}

/* ---- the methods ---- */

static BtValue socket_connect(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    SockAddr addr;
    if (!bt_check_args(t, "socket.connect", nargs, kwnames, 1, 1) ||
        !parse_addr(t, as_socket(self), args[0], "connect", &addr))
        return BT_UNDEF;
    return do_connect(t, as_socket(self), &addr, true) == 0 ? BT_NONE : BT_UNDEF;
}

static BtValue socket_connect_ex(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    SockAddr addr;
    if (!bt_check_args(t, "socket.connect_ex", nargs, kwnames, 1, 1) ||
        !parse_addr(t, as_socket(self), args[0], "connect_ex", &addr))
        return BT_UNDEF;
    int err = do_connect(t, as_socket(self), &addr, false);
    return err < 0 ? BT_UNDEF : bt_int(err);
}

static BtValue socket_bind(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    SockAddr addr;
    if (!bt_check_args(t, "socket.bind", nargs, kwnames, 1, 1) ||
        !parse_addr(t, as_socket(self), args[0], "bind", &addr))
        return BT_UNDEF;
    if (bind(as_socket(self)->fd, (struct sockaddr *)&addr.ss, addr.len) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* listen([backlog]): the default is min(SOMAXCONN, 128); below 0 counts as 0. */
static BtValue socket_listen(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    int backlog = SOMAXCONN < 128 ? SOMAXCONN : 128;
    if (!tuple_args(t, "socket.listen", nargs, kwnames, 0, 1) ||
        (nargs == 1 && !int_arg(t, args[0], &backlog, true)))
        return BT_UNDEF;
    if (listen(as_socket(self)->fd, backlog < 0 ? 0 : backlog) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* accept() -> (socket, address). The new socket blocks (timeout None), as
 * CPython's does while no default timeout is set. */
static BtValue socket_accept(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    SockAddr peer;
    IoCall c = {.kind = OP_ACCEPT, .addr = &peer};
    if (!py_args(t, "socket.accept", 1, args, nargs, kwnames, (const char *const[]){NULL}, NULL) ||
        !sock_call(t, s, &c, deadline_for(s)))
        return BT_UNDEF;
    BtSocket *ns = socket_wrap(t, s->hdr.type, (int)c.result, s->family, s->type, s->proto, -1);
    if (!ns)
        return BT_UNDEF;
    BtValue pair[2] = {bt_obj(ns), BT_UNDEF};
    BT_PUSH_ROOT(t, &pair[0]);
    pair[1] = make_addr(t, &peer);
    BT_PUSH_ROOT(t, &pair[1]);
    BtTuple *r = bt_is_undef(pair[1]) ? NULL : bt_tuple_from(t, pair, 2);
    BT_POP_ROOT(t, 2);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* The optional flags argument of send/recv and friends. */
static bool flags_arg(BtThread *t, BtValue *args, int nargs, int at, int *flags) {
    *flags = 0;
    return nargs <= at || int_arg(t, args[at], flags, true);
}

static BtValue socket_send(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    if (!tuple_args(t, "socket.send", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtBytes *data = bytes_arg(t, &args[0]);
    IoCall c = {.kind = OP_SEND};
    if (!data || !flags_arg(t, args, nargs, 1, &c.flags))
        return BT_UNDEF;
    c.out = data->data;
    c.len = data->size;
    return sock_call(t, s, &c, deadline_for(s)) ? bt_int(c.result) : BT_UNDEF;
}

/* sendall(data[, flags]): send until all is gone; a timeout covers the whole. */
static BtValue socket_sendall(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    if (!tuple_args(t, "socket.sendall", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtBytes *data = bytes_arg(t, &args[0]);
    IoCall c = {.kind = OP_SEND};
    if (!data || !flags_arg(t, args, nargs, 1, &c.flags))
        return BT_UNDEF;
    int64_t deadline = deadline_for(s);
    size_t done = 0;
    do {
        c.out = data->data + done;
        c.len = data->size - done;
        if (!sock_call(t, s, &c, deadline))
            return BT_UNDEF;
        done += (size_t)c.result;
        /* A long send stays interruptible between chunks. */
        if (done < data->size && !bt_check_signals(t))
            return BT_UNDEF;
    } while (done < data->size);
    return BT_NONE;
}

/* sendto(data[, flags], address) */
static BtValue socket_sendto(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "socket.sendto() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs < 2 || nargs > 3) {
        bt_raise(t, BT_EXC(t, TypeError), "sendto() takes 2 or 3 arguments (%d given)", nargs);
        return BT_UNDEF;
    }
    BtBytes *data = bytes_arg(t, &args[0]);
    SockAddr addr;
    IoCall c = {.kind = OP_SENDTO, .addr = &addr};
    if (!data || !flags_arg(t, args, nargs == 3 ? 2 : 1, 1, &c.flags) ||
        !parse_addr(t, s, args[nargs - 1], "sendto", &addr))
        return BT_UNDEF;
    c.out = data->data;
    c.len = data->size;
    return sock_call(t, s, &c, deadline_for(s)) ? bt_int(c.result) : BT_UNDEF;
}

/* recv and recvfrom: receive up to bufsize bytes into C memory, then copy
 * them into a bytes object once the call is over. */
static BtValue receive(BtThread *t, BtSocket *s, BtValue *args, int nargs, BtTuple *kwnames,
                       bool from) {
    const char *name = from ? "recvfrom" : "recv";
    const char *qualname = from ? "socket.recvfrom" : "socket.recv";
    int64_t size;
    IoCall c = {.kind = from ? OP_RECVFROM : OP_RECV};
    if (!tuple_args(t, qualname, nargs, kwnames, 1, 2) || !bt_int_index(t, args[0], &size) ||
        !flags_arg(t, args, nargs, 1, &c.flags))
        return BT_UNDEF;
    if (size < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "negative buffersize in %s", name);
        return BT_UNDEF;
    }
    if (size == 0 && !from) { /* CPython answers at once, without a system call */
        BtBytes *empty = bt_bytes_new(t, (const uint8_t *)"", 0);
        return empty ? bt_obj(empty) : BT_UNDEF;
    }
    SockAddr peer;
    c.in = malloc(size ? (size_t)size : 1);
    c.len = (size_t)size;
    c.addr = &peer;
    if (!c.in) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    bool ok = sock_call(t, s, &c, deadline_for(s));
    BtBytes *b = ok ? bt_bytes_new(t, c.in, (size_t)c.result) : NULL;
    free(c.in);
    if (!b)
        return BT_UNDEF;
    if (!from)
        return bt_obj(b);
    BtValue pair[2] = {bt_obj(b), BT_UNDEF};
    BT_PUSH_ROOT(t, &pair[0]);
    pair[1] = make_addr(t, &peer);
    BT_PUSH_ROOT(t, &pair[1]);
    BtTuple *r = bt_is_undef(pair[1]) ? NULL : bt_tuple_from(t, pair, 2);
    BT_POP_ROOT(t, 2);
    return r ? bt_obj(r) : BT_UNDEF;
}

static BtValue socket_recv(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    return receive(t, as_socket(self), args, nargs, kwnames, false);
}

static BtValue socket_recvfrom(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    return receive(t, as_socket(self), args, nargs, kwnames, true);
}

/* close(): the descriptor is gone even if close(2) reports an error; a
 * reset peer is not an error (CPython ignores ECONNRESET here too). */
static BtValue socket_close(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    if (!py_args(t, "socket.close", 1, args, nargs, kwnames, (const char *const[]){NULL}, NULL))
        return BT_UNDEF;
    int fd = s->fd;
    s->fd = -1;
    if (fd >= 0) {
        bt_gc_fd_closed(t->interp);
        if (t->interp->fd_closing) /* scheduler tasks waiting on it wake with EBADF */
            t->interp->fd_closing(t->interp, t, fd);
    }
    if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* detach(): hand the descriptor over; the socket no longer closes it. */
static BtValue socket_detach(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    if (!py_args(t, "socket.detach", 1, args, nargs, kwnames, (const char *const[]){NULL}, NULL))
        return BT_UNDEF;
    int fd = s->fd;
    s->fd = -1;
    if (fd >= 0)
        bt_gc_fd_closed(t->interp);
    return bt_int(fd);
}

static BtValue socket_shutdown(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    int how;
    if (!bt_check_args(t, "socket.shutdown", nargs, kwnames, 1, 1) ||
        !int_arg(t, args[0], &how, false))
        return BT_UNDEF;
    if (shutdown(as_socket(self)->fd, how) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* setblocking(flag): True is timeout None, False is timeout 0.0. */
static BtValue socket_setblocking(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    int64_t flag;
    if (!bt_check_args(t, "socket.setblocking", nargs, kwnames, 1, 1) ||
        !bt_int_index(t, args[0], &flag))
        return BT_UNDEF;
    s->timeout_ns = flag ? -1 : 0;
    return set_nonblocking(t, s->fd, !flag) ? BT_NONE : BT_UNDEF;
}

static BtValue socket_getblocking(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "socket.getblocking", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_bool(as_socket(self)->timeout_ns != 0);
}

/* settimeout(value): CPython stores the timeout before it touches the
 * descriptor, so a closed socket keeps it and still raises EBADF. */
static BtValue socket_settimeout(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    BtSocket *s = as_socket(self);
    int64_t ns;
    if (!bt_check_args(t, "socket.settimeout", nargs, kwnames, 1, 1) ||
        !timeout_arg(t, args[0], &ns))
        return BT_UNDEF;
    s->timeout_ns = ns;
    return set_nonblocking(t, s->fd, ns >= 0) ? BT_NONE : BT_UNDEF;
}

static BtValue socket_gettimeout(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "socket.gettimeout", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return timeout_value(as_socket(self)->timeout_ns);
}

static BtValue socket_fileno(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "socket.fileno", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return bt_int(as_socket(self)->fd);
}

/* getsockname() / getpeername(), chosen by peer. */
static BtValue sock_name(BtThread *t, BtValue self, int nargs, BtTuple *kwnames, bool peer) {
    if (!bt_check_args(t, peer ? "socket.getpeername" : "socket.getsockname", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    SockAddr a;
    a.len = sizeof a.ss;
    int fd = as_socket(self)->fd;
    int rc = peer ? getpeername(fd, (struct sockaddr *)&a.ss, &a.len)
                  : getsockname(fd, (struct sockaddr *)&a.ss, &a.len);
    if (rc < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return make_addr(t, &a);
}

static BtValue socket_getsockname(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    return sock_name(t, self, nargs, kwnames, false);
}

static BtValue socket_getpeername(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)args;
    return sock_name(t, self, nargs, kwnames, true);
}

/* setsockopt(level, option, int or bytes) or setsockopt(level, option, None, optlen). */
static BtValue socket_setsockopt(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "socket.setsockopt() takes no keyword arguments");
        return BT_UNDEF;
    }
    if (nargs != 3 && nargs != 4) {
        bt_raise(t, BT_EXC(t, TypeError), "setsockopt() takes exactly 3 arguments (%d given)",
                 nargs);
        return BT_UNDEF;
    }
    int level, opt, ival, optlen = 0;
    if (!int_arg(t, args[0], &level, true) || !int_arg(t, args[1], &opt, true))
        return BT_UNDEF;
    const void *val = NULL;
    BtValue v = args[2];
    if (nargs == 4) {
        if (!bt_is_none(v)) {
            bt_raise(t, BT_EXC(t, TypeError), "setsockopt() argument 3 must be NoneType, not %T",
                     v);
            return BT_UNDEF;
        }
        if (!int_arg(t, args[3], &optlen, true))
            return BT_UNDEF;
    } else if (bt_is_intlike(v)) {
        if (!int_arg(t, v, &ival, true))
            return BT_UNDEF;
        val = &ival;
        optlen = sizeof ival;
    } else if (bt_is_bytes(t, v)) {
        val = ((BtBytes *)bt_as_obj(v))->data;
        optlen = (int)((BtBytes *)bt_as_obj(v))->size;
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%T'", v);
        return BT_UNDEF;
    }
    if (setsockopt(as_socket(self)->fd, level, opt, val, (socklen_t)optlen) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return BT_NONE;
}

/* getsockopt(level, option[, buflen]): an int, or bytes when buflen > 0. */
static BtValue socket_getsockopt(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    int level, opt, buflen = 0;
    if (!tuple_args(t, "socket.getsockopt", nargs, kwnames, 2, 3) ||
        !int_arg(t, args[0], &level, true) || !int_arg(t, args[1], &opt, true) ||
        (nargs == 3 && !int_arg(t, args[2], &buflen, true)))
        return BT_UNDEF;
    int fd = as_socket(self)->fd;
    if (buflen == 0) {
        int v = 0;
        socklen_t len = sizeof v;
        if (getsockopt(fd, level, opt, &v, &len) < 0) {
            bt_raise_errno(t, errno, NULL);
            return BT_UNDEF;
        }
        return bt_int(v);
    }
    if (buflen < 0 || buflen > 1024) {
        raise_os_msg(t, BT_EXC(t, OSError), "getsockopt buflen out of range");
        return BT_UNDEF;
    }
    uint8_t buf[1024];
    socklen_t len = (socklen_t)buflen;
    if (getsockopt(fd, level, opt, buf, &len) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    BtBytes *b = bt_bytes_new(t, buf, len);
    return b ? bt_obj(b) : BT_UNDEF;
}

static BtValue socket_enter(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!py_args(t, "socket.__enter__", 1, args, nargs, kwnames, (const char *const[]){NULL}, NULL))
        return BT_UNDEF;
    return self;
}

/* __exit__(*args): close, and let any exception go on. */
static BtValue socket_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    (void)nargs;
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "socket.__exit__() got an unexpected keyword argument '%S'",
                 bt_as_str(kwnames->items[0]));
        return BT_UNDEF;
    }
    return socket_close(t, self, NULL, 0, NULL);
}

static const BtNativeDef socket_methods[] = {
    {"connect", socket_connect},
    {"connect_ex", socket_connect_ex},
    {"bind", socket_bind},
    {"listen", socket_listen},
    {"accept", socket_accept},
    {"send", socket_send},
    {"sendall", socket_sendall},
    {"sendto", socket_sendto},
    {"recv", socket_recv},
    {"recvfrom", socket_recvfrom},
    {"close", socket_close},
    {"detach", socket_detach},
    {"shutdown", socket_shutdown},
    {"setblocking", socket_setblocking},
    {"getblocking", socket_getblocking},
    {"settimeout", socket_settimeout},
    {"gettimeout", socket_gettimeout},
    {"fileno", socket_fileno},
    {"getsockname", socket_getsockname},
    {"getpeername", socket_getpeername},
    {"setsockopt", socket_setsockopt},
    {"getsockopt", socket_getsockopt},
    {"__enter__", socket_enter},
    {"__exit__", socket_exit},
    {NULL, NULL},
};

/* ---- slots ---- */

/* family, type, proto and timeout are computed, read-only attributes. */
static int computed_attr(const char *n) {
    static const char *const names[] = {"family", "type", "proto", "timeout", NULL};
    for (int i = 0; names[i]; i++)
        if (strcmp(n, names[i]) == 0)
            return i;
    return -1;
}

static BtValue socket_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtSocket *s = as_socket(self);
    switch (computed_attr(name->data)) {
    case 0:
        return bt_int(s->family);
    case 1:
        return bt_int(s->type);
    case 2:
        return bt_int(s->proto);
    case 3:
        return timeout_value(s->timeout_ns);
    }
    return bt_generic_getattr(t, self, name);
}

/* The refusals CPython gives: family and type are properties of the
 * Python class, proto and timeout members of the C one. Sockets have no
 * attribute dict (socket.socket has __slots__). */
static bool socket_setattr(BtThread *t, BtValue self, BtStr *name, BtValue v) {
    switch (computed_attr(name->data)) {
    case 0:
    case 1:
        bt_raise(t, BT_EXC(t, AttributeError), "property '%S' of 'socket' object has no setter",
                 name);
        return false;
    case 2:
        bt_raise(t, BT_EXC(t, AttributeError), "readonly attribute");
        return false;
    case 3:
        bt_raise(t, BT_EXC(t, AttributeError),
                 "attribute 'timeout' of '_socket.socket' objects is not writable");
        return false;
    }
    return bt_generic_setattr(t, self, name, v);
}

/* ", laddr=..." or ", raddr=..." for the repr: nothing when the address is
 * unknown or empty (an unbound AF_UNIX socket). NULL with an exception. */
static BtStr *repr_addr(BtThread *t, BtStr *r, int fd, bool peer) {
    SockAddr a;
    a.len = sizeof a.ss;
    int rc = peer ? getpeername(fd, (struct sockaddr *)&a.ss, &a.len)
                  : getsockname(fd, (struct sockaddr *)&a.ss, &a.len);
    if (rc < 0)
        return r;
    BtValue rv = bt_obj(r), addr = BT_UNDEF, text = BT_UNDEF;
    BT_PUSH_ROOT(t, &rv);
    BT_PUSH_ROOT(t, &addr);
    BT_PUSH_ROOT(t, &text);
    BtStr *out = NULL;
    addr = make_addr(t, &a);
    int truthy = bt_is_undef(addr) ? -1 : bt_truthy(t, addr);
    if (truthy == 0)
        out = r;
    else if (truthy > 0 && !bt_is_undef(text = bt_str(t, addr)))
        out = bt_str_format(t, "%S, %s=%S", r, peer ? "raddr" : "laddr", bt_as_str(text));
    BT_POP_ROOT(t, 3);
    return out;
}

/* <socket.socket fd=3, family=2, type=1, proto=0, laddr=('127.0.0.1', 5000)> */
static BtValue socket_repr(BtThread *t, BtValue self) {
    BtSocket *s = as_socket(self);
    BtStr *r = bt_str_format(t, "<socket.socket%s fd=%d, family=%d, type=%d, proto=%d",
                             s->fd < 0 ? " [closed]" : "", s->fd, s->family, s->type, s->proto);
    BtValue keep = r ? bt_obj(r) : BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    if (r && s->fd >= 0)
        keep = (r = repr_addr(t, r, s->fd, false)) ? bt_obj(r) : BT_UNDEF;
    if (r && s->fd >= 0)
        keep = (r = repr_addr(t, r, s->fd, true)) ? bt_obj(r) : BT_UNDEF;
    if (r)
        r = bt_str_format(t, "%S>", r);
    BT_POP_ROOT(t, 1);
    return r ? bt_obj(r) : BT_UNDEF;
}

static void socket_finalize(BtInterp *interp, BtObject *self) {
    BtSocket *s = (BtSocket *)self;
    if (s->fd >= 0 && interp->fd_closing)
        interp->fd_closing(interp, NULL, s->fd);
    if (s->fd >= 0) {
        close(s->fd);
        bt_gc_fd_closed(interp);
    }
    s->fd = -1;
}

/* ---- module functions (bound to the socket type, which they create) ---- */

/* socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0) */
static BtValue socket_socketpair(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    static const char *const params[] = {"|family", "type", "proto", NULL};
    BtValue a[3];
    int v[3] = {AF_UNIX, SOCK_STREAM, 0};
    if (!py_args(t, "socketpair", 0, args, nargs, kwnames, params, a))
        return BT_UNDEF;
    for (int i = 0; i < 3; i++)
        if (!bt_is_undef(a[i]) && !bt_is_none(a[i]) && !int_arg(t, a[i], &v[i], false))
            return BT_UNDEF;
    int fds[2];
    int rc = socketpair(v[0], v[1] | SOCK_CLOEXEC, v[2], fds);
    if (rc < 0 && bt_gc_fd_exhausted(t, errno))
        rc = socketpair(v[0], v[1] | SOCK_CLOEXEC, v[2], fds);
    if (rc < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    int64_t timeout = (v[1] & SOCK_NONBLOCK) ? 0 : -1;
    BtValue pair[2] = {BT_UNDEF, BT_UNDEF};
    BT_PUSH_ROOT(t, &pair[0]);
    BT_PUSH_ROOT(t, &pair[1]);
    BtSocket *s0 = socket_wrap(t, (BtType *)bt_as_obj(self), fds[0], v[0], v[1], v[2], timeout);
    if (s0)
        pair[0] = bt_obj(s0);
    else
        close(fds[1]);
    BtSocket *s1 =
        s0 ? socket_wrap(t, (BtType *)bt_as_obj(self), fds[1], v[0], v[1], v[2], timeout) : NULL;
    if (s1)
        pair[1] = bt_obj(s1);
    BtTuple *r = s1 ? bt_tuple_from(t, pair, 2) : NULL;
    BT_POP_ROOT(t, 2);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* A host or port of create_connection as getaddrinfo takes it: None is
 * NULL, ints become decimal text in buf. */
static bool gai_text(BtThread *t, BtValue v, bool port, char *buf, size_t bufsize, const char **out,
                     size_t *len) {
    *out = NULL;
    *len = 0;
    if (bt_is_none(v))
        return true;
    if (port && bt_is_intlike(v)) {
        *len = (size_t)snprintf(buf, bufsize, "%lld", (long long)bt_as_int(v));
        *out = buf;
        return true;
    }
    *out = text_of(t, v, len);
    if (*out)
        return true;
    if (port)
        raise_os_msg(t, BT_EXC(t, OSError), "Int or String expected");
    else
        bt_raise(t, BT_EXC(t, TypeError), "getaddrinfo() argument 1 must be string or None");
    return false;
}

/* One try of create_connection on an address getaddrinfo gave: the
 * connected socket, or BT_UNDEF with the error raised. */
static BtValue connect_one(BtThread *t, BtType *type, const struct addrinfo *ai, int64_t timeout_ns,
                           BtValue source) {
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0 && bt_gc_fd_exhausted(t, errno))
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    BtSocket *s = socket_wrap(t, type, fd, ai->ai_family, ai->ai_socktype, ai->ai_protocol, -1);
    if (!s)
        return BT_UNDEF;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    SockAddr addr = {.len = (socklen_t)ai->ai_addrlen};
    memcpy(&addr.ss, ai->ai_addr, ai->ai_addrlen);
    s->timeout_ns = timeout_ns;
    bool ok = timeout_ns < 0 || set_nonblocking(t, fd, true);
    if (ok && !bt_is_undef(source) && !bt_is_none(source)) {
        SockAddr src;
        ok = parse_addr(t, s, source, "bind", &src);
        if (ok && bind(fd, (struct sockaddr *)&src.ss, src.len) < 0) {
            bt_raise_errno(t, errno, NULL);
            ok = false;
        }
    }
    ok = ok && do_connect(t, s, &addr, true) == 0;
    BT_POP_ROOT(t, 1);
    if (!ok) {
        close(s->fd);
        bt_gc_fd_closed(t->interp);
        s->fd = -1;
        return BT_UNDEF;
    }
    return sv;
}

/* create_connection(address, timeout=None, source_address=None): try each
 * address of the host in turn; if all fail, raise the last error. */
static BtValue socket_create_connection(BtThread *t, BtValue self, BtValue *args, int nargs,
                                        BtTuple *kwnames) {
    static const char *const params[] = {"address", "|timeout", "source_address", NULL};
    BtValue a[3];
    if (!py_args(t, "create_connection", 0, args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue addr = a[0];
    BtValue *items;
    size_t n;
    if (bt_is_tuple(t, addr)) {
        items = bt_as_tuple(addr)->items;
        n = bt_as_tuple(addr)->len;
    } else if (bt_is_list(t, addr)) {
        items = bt_as_list(addr)->items;
        n = bt_as_list(addr)->len;
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "cannot unpack non-iterable %T object", addr);
        return BT_UNDEF;
    }
    if (n != 2) {
        if (n > 2)
            bt_raise(t, BT_EXC(t, ValueError), "too many values to unpack (expected 2)");
        else
            bt_raise(t, BT_EXC(t, ValueError), "not enough values to unpack (expected 2, got %d)",
                     (int)n);
        return BT_UNDEF;
    }
    char portbuf[32];
    const char *host, *port;
    size_t hostlen, portlen;
    if (!gai_text(t, items[0], false, NULL, 0, &host, &hostlen) ||
        !gai_text(t, items[1], true, portbuf, sizeof portbuf, &port, &portlen))
        return BT_UNDEF;
    char *portcopy = port ? strndup(port, portlen) : NULL;
    if (port && !portcopy) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    struct addrinfo *res = lookup(t, host, hostlen, portcopy, AF_UNSPEC, SOCK_STREAM, 0);
    free(portcopy);
    if (!res)
        return BT_UNDEF;
    int64_t timeout = -1;
    BtValue result = BT_UNDEF, last = BT_UNDEF;
    if (bt_is_undef(a[1]) || timeout_arg(t, a[1], &timeout)) {
        BT_PUSH_ROOT(t, &last);
        for (struct addrinfo *ai = res; ai && bt_is_undef(result); ai = ai->ai_next) {
            result = connect_one(t, (BtType *)bt_as_obj(self), ai, timeout, a[2]);
            if (bt_is_undef(result)) {
                if (!bt_exc_pending_is(t, BT_EXC(t, OSError)))
                    break;
                last = bt_take_exc(t);
            }
        }
        if (bt_is_undef(result) && !bt_has_exc(t)) {
            if (bt_is_undef(last))
                raise_os_msg(t, BT_EXC(t, OSError), "getaddrinfo returns an empty list");
            else
                bt_raise_value(t, last);
        }
        BT_POP_ROOT(t, 1);
    }
    freeaddrinfo(res);
    return result;
}

static BtValue socket_gethostname(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!bt_check_args(t, "_socket.gethostname", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    char name[HOST_NAME_MAX + 1];
    if (gethostname(name, sizeof name) < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    name[HOST_NAME_MAX] = '\0';
    BtStr *s = bt_str_from_cstr(t, name);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* gethostbyname(name) -> the IPv4 address as text ('localhost' -> '127.0.0.1'). */
static BtValue socket_gethostbyname(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)self;
    if (!tuple_args(t, "gethostbyname", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!text_of(t, args[0], &(size_t){0})) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "gethostbyname() argument 1 must be str, bytes or bytearray, not %T", args[0]);
        return BT_UNDEF;
    }
    struct sockaddr_in in = {.sin_family = AF_INET};
    if (!resolve_host(t, args[0], AF_INET, (struct sockaddr *)&in))
        return BT_UNDEF;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
    BtStr *s = bt_str_from_cstr(t, text);
    return s ? bt_obj(s) : BT_UNDEF;
}

static const BtNativeDef socket_functions[] = {
    {"socketpair", socket_socketpair},
    {"create_connection", socket_create_connection},
    {"gethostname", socket_gethostname},
    {"gethostbyname", socket_gethostbyname},
    {NULL, NULL},
};

/* ---- the module ---- */

static const struct {
    const char *name;
    int value;
} socket_constants[] = {
    {"AF_UNSPEC", AF_UNSPEC},       {"AF_INET", AF_INET},
    {"AF_INET6", AF_INET6},         {"AF_UNIX", AF_UNIX},
    {"SOCK_STREAM", SOCK_STREAM},   {"SOCK_DGRAM", SOCK_DGRAM},
    {"SOCK_RAW", SOCK_RAW},         {"SOCK_NONBLOCK", SOCK_NONBLOCK},
    {"SOCK_CLOEXEC", SOCK_CLOEXEC}, {"SOL_SOCKET", SOL_SOCKET},
    {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
    {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST},
    {"SO_ERROR", SO_ERROR},         {"SO_TYPE", SO_TYPE},
    {"SO_RCVBUF", SO_RCVBUF},       {"SO_SNDBUF", SO_SNDBUF},
    {"SOMAXCONN", SOMAXCONN},       {"SHUT_RD", SHUT_RD},
    {"SHUT_WR", SHUT_WR},           {"SHUT_RDWR", SHUT_RDWR},
    {"IPPROTO_IP", IPPROTO_IP},     {"IPPROTO_TCP", IPPROTO_TCP},
    {"IPPROTO_UDP", IPPROTO_UDP},   {"IPPROTO_IPV6", IPPROTO_IPV6},
    {"TCP_NODELAY", TCP_NODELAY},   {"MSG_PEEK", MSG_PEEK},
    {"MSG_WAITALL", MSG_WAITALL},   {"MSG_DONTWAIT", MSG_DONTWAIT},
    {"INADDR_ANY", INADDR_ANY},
};

/* class NAME(OSError) with __module__ 'socket' (gaierror, herror). */
static BtValue make_error_class(BtThread *t, const char *name) {
    BtValue ns = bt_obj(bt_dict_new(t)), bases = BT_UNDEF, cls = BT_UNDEF;
    if (!bt_as_obj(ns))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &ns);
    BT_PUSH_ROOT(t, &bases);
    BtStr *mod = bt_str_intern_cstr(t, "socket");
    BtStr *n = mod ? bt_str_intern_cstr(t, name) : NULL;
    BtTuple *tb = n ? bt_tuple_from(t, (BtValue[]){bt_obj(BT_EXC(t, OSError))}, 1) : NULL;
    if (tb) {
        bases = bt_obj(tb);
        if (bt_dict_set_str(t, bt_as_dict(ns), BT_NAME(t, dunder_module), bt_obj(mod)))
            cls = bt_type_new_class(t, n, tb, bt_as_dict(ns));
    }
    BT_POP_ROOT(t, 2);
    return cls;
}


BtModule *bt_mod_socket_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "socket");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), tv = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &tv);
    bool ok = false;
    BtType *type = bt_type_new_native(t, "socket", NULL, sizeof(BtSocket));
    if (!type)
        goto out;
    tv = bt_obj(type);
    type->module = name;
    type->construct = socket_construct;
    type->repr = socket_repr;
    type->getattr = socket_getattr;
    type->setattr = socket_setattr;
    type->finalize = socket_finalize;
    if (!bt_type_add_methods(t, type, socket_methods) || !bt_module_set(t, m, "socket", tv))
        goto out;
    /* The functions get the socket type as their receiver: what they create. */
    for (const BtNativeDef *d = socket_functions; d->name; d++) {
        BtNative *n = bt_native_new(t, d->name, d->fn, tv);
        if (!n)
            goto out;
        n->module = bt_obj(name);
        if (!bt_module_set(t, m, d->name, bt_obj(n)))
            goto out;
    }
    for (size_t i = 0; i < sizeof socket_constants / sizeof socket_constants[0]; i++)
        if (!bt_module_set(t, m, socket_constants[i].name, bt_int(socket_constants[i].value)))
            goto out;
    if (!bt_module_set(t, m, "error", bt_obj(BT_EXC(t, OSError))) ||
        !bt_module_set(t, m, "timeout", bt_obj(BT_EXC(t, TimeoutError))) ||
        !bt_module_set(t, m, "has_ipv6", BT_TRUE))
        goto out;
    static const char *const errors[] = {"gaierror", "herror"};
    for (size_t i = 0; i < 2; i++) {
        BtValue cls = make_error_class(t, errors[i]);
        if (bt_is_undef(cls) || !bt_module_set(t, m, errors[i], cls))
            goto out;
    }
    ok = true;
out:
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}
