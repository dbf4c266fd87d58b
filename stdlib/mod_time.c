/* mod_time.c: the time module (stdlib stage; see stdlib/README.md).
 *
 * Clocks from clock_gettime: time() is CLOCK_REALTIME, monotonic() and
 * perf_counter() are CLOCK_MONOTONIC. sleep() is nanosleep, resumed after
 * signals that raise nothing; a Ctrl-C during it becomes KeyboardInterrupt
 * through the eval breaker (vm/gil.h).
 */
#include <errno.h>
#include <math.h>
#include <time.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gil.h"
#include "vm/num.h"
#include "vm/str.h"

static BtValue clock_value(BtThread *t, const char *name, int nargs, BtTuple *kwnames,
                           clockid_t clock, bool ns) {
    if (!bt_check_args(t, name, nargs, kwnames, 0, 0))
        return BT_UNDEF;
    struct timespec ts;
    clock_gettime(clock, &ts);
    if (ns)
        return bt_int_from_i64(t, (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec);
    return bt_float((double)ts.tv_sec + (double)ts.tv_nsec * 1e-9);
}

static BtValue time_time(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.time", nargs, kwnames, CLOCK_REALTIME, false);
}

static BtValue time_time_ns(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.time_ns", nargs, kwnames, CLOCK_REALTIME, true);
}

static BtValue time_monotonic(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.monotonic", nargs, kwnames, CLOCK_MONOTONIC, false);
}

static BtValue time_monotonic_ns(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.monotonic_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}

static BtValue time_perf_counter(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.perf_counter", nargs, kwnames, CLOCK_MONOTONIC, false);
}

static BtValue time_perf_counter_ns(BtThread *t, BtValue self, BtValue *args, int nargs,
                                    BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.perf_counter_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}

static BtValue time_process_time(BtThread *t, BtValue self, BtValue *args, int nargs,
                                 BtTuple *kwnames) {
    (void)self;
    (void)args;
    return clock_value(t, "time.process_time", nargs, kwnames, CLOCK_PROCESS_CPUTIME_ID, false);
}

static BtValue time_sleep(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "time.sleep", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    double secs;
    if (!bt_num_as_double(args[0], &secs)) {
        int64_t i;
        if (!bt_int_index(t, args[0], &i))
            return BT_UNDEF;
        secs = (double)i;
    }
    if (isnan(secs)) {
        bt_raise(t, BT_EXC(t, ValueError), "Invalid value NaN (not a number)");
        return BT_UNDEF;
    }
    if (secs < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "sleep length must be non-negative");
        return BT_UNDEF;
    }
    if (secs >= 9.2e18) {
        bt_raise(t, BT_EXC(t, OverflowError), "timestamp out of range for platform time_t");
        return BT_UNDEF;
    }
    struct timespec req;
    req.tv_sec = (time_t)secs;
    req.tv_nsec = (long)((secs - (double)req.tv_sec) * 1e9);
    if (req.tv_nsec >= 1000000000L)
        req.tv_nsec = 999999999L;
    for (;;) {
        struct timespec rem;
        BT_RELEASE_GIL(t, "sleep");
        int rc = nanosleep(&req, &rem);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc == 0)
            break;
        if (err != EINTR) {
            bt_raise_errno(t, err, NULL);
            return BT_UNDEF;
        }
        /* A signal: Ctrl-C raises KeyboardInterrupt, anything else sleeps on. */
        if (!bt_check_signals(t))
            return BT_UNDEF;
        req = rem;
    }
    return BT_NONE;
}

static const BtNativeDef time_functions[] = {
    {"time", time_time},
    {"time_ns", time_time_ns},
    {"monotonic", time_monotonic},
    {"monotonic_ns", time_monotonic_ns},
    {"perf_counter", time_perf_counter},
    {"perf_counter_ns", time_perf_counter_ns},
    {"process_time", time_process_time},
    {"sleep", time_sleep},
    {NULL, NULL},
};

BtModule *bt_mod_time_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "time");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, time_functions);
    BT_POP_ROOT(t, 1);
    return ok ? m : NULL;
}
