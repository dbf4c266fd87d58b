/* echo_load.c: a load client for the echo benchmark (tests/bench/echo_table.py).
 *
 * usage: echo_load PORT CONNECTIONS SECONDS
 * Opens CONNECTIONS non-blocking TCP connections to 127.0.0.1:PORT; each sends
 * a 64-byte message, waits for all of it to come back, and sends again, for
 * SECONDS seconds. One thread, epoll. Prints the round trips per second, or
 * exits 1 with a message when the server misbehaves (refuses, closes, echoes
 * something else). Loopback only, bounded in time and count.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MSG 64

typedef struct {
    int fd;
    size_t got; /* bytes of the current echo received */
} Conn;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail(const char *what) {
    fprintf(stderr, "echo_load: %s: %s\n", what, strerror(errno));
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: echo_load PORT CONNECTIONS SECONDS\n");
        return 2;
    }
    int port = atoi(argv[1]), n = atoi(argv[2]);
    double seconds = atof(argv[3]);
    if (port <= 0 || n <= 0 || n > 100000 || seconds <= 0 || seconds > 600) {
        fprintf(stderr, "echo_load: bad arguments\n");
        return 2;
    }
    char msg[MSG];
    memset(msg, 'x', sizeof msg);
    Conn *conns = calloc((size_t)n, sizeof *conns);
    int ep = epoll_create1(0);
    if (!conns || ep < 0)
        return fail("setup");
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < n; i++) {
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0)
            return fail("connect");
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conns[i].fd = fd;
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) < 0)
            return fail("epoll_ctl");
    }
    for (int i = 0; i < n; i++)
        if (send(conns[i].fd, msg, MSG, MSG_NOSIGNAL) != MSG)
            return fail("send");
    long long trips = 0;
    double start = now(), end = start + seconds;
    struct epoll_event events[256];
    char buf[MSG];
    while (now() < end) {
        int k = epoll_wait(ep, events, 256, 100);
        if (k < 0 && errno != EINTR)
            return fail("epoll_wait");
        for (int e = 0; e < k; e++) {
            Conn *c = &conns[events[e].data.u32];
            ssize_t r = recv(c->fd, buf, MSG - c->got, 0);
            if (r <= 0) {
                if (r < 0 && (errno == EAGAIN || errno == EINTR))
                    continue;
                fprintf(stderr, "echo_load: the server closed a connection\n");
                return 1;
            }
            if (memcmp(buf, msg, (size_t)r) != 0) {
                fprintf(stderr, "echo_load: the echo differs\n");
                return 1;
            }
            c->got += (size_t)r;
            if (c->got == MSG) {
                c->got = 0;
                trips++;
                if (send(c->fd, msg, MSG, MSG_NOSIGNAL) != MSG)
                    return fail("send");
            }
        }
    }
    printf("%.0f\n", (double)trips / (now() - start));
    for (int i = 0; i < n; i++)
        close(conns[i].fd);
    return 0;
}
