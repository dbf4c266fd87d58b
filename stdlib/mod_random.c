/* mod_random.c: the random module (stdlib stage; see stdlib/README.md).
 *
 * Baton's generator is xoshiro256** seeded through splitmix64, not CPython's
 * Mersenne Twister, so the same seed gives a different (but equally
 * reproducible) sequence: stdlib/README.md says so. As in CPython, the
 * module functions are methods of one hidden Random instance, whose state
 * lives in the object (no globals); random.Random(seed) makes more.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

typedef struct {
    BtObject hdr;
    uint64_t s[4]; /* xoshiro256** state; never all zero */
} BtRandom;

/* ---- the generator ---- */

static uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

static uint64_t next_u64(BtRandom *r) {
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

static uint64_t splitmix64(uint64_t *x) {
    uint64_t z = (*x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static void seed_u64(BtRandom *r, uint64_t seed) {
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

/* A seed from the OS, or from the clock if /dev/urandom is unavailable. */
static uint64_t entropy(void) {
    uint64_t v = 0;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, &v, sizeof v);
        close(fd);
        if (n == (ssize_t)sizeof v)
            return v;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint64_t)ts.tv_sec * 1000000007ull ^ (uint64_t)ts.tv_nsec ^ (uint64_t)getpid();
}

/* A float in [0, 1) with 53 random bits. */
static double next_double(BtRandom *r) {
    return (double)(next_u64(r) >> 11) * 0x1.0p-53;
}

/* Uniform in [0, n) for n > 0, without modulo bias (rejection on a bit mask). */
static uint64_t below(BtRandom *r, uint64_t n) {
    if (n <= 1)
        return 0;
    int bits = 64 - __builtin_clzll(n - 1);
    uint64_t mask = bits == 64 ? ~0ull : ((1ull << bits) - 1);
    for (;;) {
        uint64_t v = next_u64(r) & mask;
        if (v < n)
            return v;
    }
}

/* ---- methods (self is a Random) ---- */

static BtValue random_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames);

/* self as a Random; NULL raised when a method was called unbound on something else. */
static BtRandom *rng(BtThread *t, BtValue self) {
    if (bt_is_obj(self) && self.as.o->type->construct == random_construct)
        return (BtRandom *)self.as.o;
    bt_raise(t, BT_EXC(t, TypeError), "descriptor requires a 'Random' object but received '%s'",
             bt_is_undef(self) ? "nothing" : bt_type_name(t, self));
    return NULL;
}

/* FNV-1a over bytes: a seed from str/bytes that does not depend on hashing. */
static uint64_t fnv(const uint8_t *p, size_t n) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

static bool seed_from(BtThread *t, BtRandom *r, BtValue a) {
    uint64_t seed;
    if (bt_is_undef(a) || bt_is_none(a)) {
        seed = entropy();
    } else if (bt_is_intlike(a)) {
        seed = (uint64_t)bt_as_int(a);
    } else if (bt_is_float(a)) {
        memcpy(&seed, &a.as.f, sizeof seed);
        seed ^= 0x5851f42d4c957f2dull; /* keep seed(1.0) apart from seed(bits) */
    } else if (bt_is_str(t, a)) {
        seed = fnv((const uint8_t *)bt_as_str(a)->data, bt_as_str(a)->size) ^ 1;
    } else if (bt_is_bytes(t, a)) {
        BtBytes *b = (BtBytes *)a.as.o;
        seed = fnv(b->data, b->size) ^ 2;
    } else {
        bt_raise(t, BT_EXC(t, TypeError),
                 "The only supported seed types are: None,\nint, float, str, bytes, and "
                 "bytearray.");
        return false;
    }
    seed_u64(r, seed);
    return true;
}

static BtValue random_seed(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    static const char *const params[] = {"|a", "version", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, "seed", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtRandom *r = rng(t, self);
    return r && seed_from(t, r, a[0]) ? BT_NONE : BT_UNDEF;
}

static BtValue random_random(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "Random.random", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtRandom *r = rng(t, self);
    return r ? bt_float(next_double(r)) : BT_UNDEF;
}

/* An integral argument of randrange: ints, or floats with integral values. */
static bool randrange_arg(BtThread *t, BtValue v, int pos, int64_t *out) {
    if (bt_is_float(v)) {
        double d = v.as.f;
        if (d != (double)(int64_t)d) {
            bt_raise(t, BT_EXC(t, ValueError), "non-integer arg %d for randrange()", pos);
            return false;
        }
        *out = (int64_t)d;
        return true;
    }
    return bt_int_index(t, v, out);
}

/* randrange over [start, stop) by step; shared by randint. */
static BtValue randrange(BtThread *t, BtRandom *r, int64_t start, int64_t stop, int64_t step,
                         bool single) {
    if (single) {
        if (start <= 0) {
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange()");
            return BT_UNDEF;
        }
        return bt_int((int64_t)below(r, (uint64_t)start));
    }
    if (step == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "zero step for randrange()");
        return BT_UNDEF;
    }
    __int128 width = (__int128)stop - start;
    __int128 n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (n <= 0) {
        bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange() (%lld, %lld, %lld)",
                 (long long)start, (long long)stop, (long long)width);
        return BT_UNDEF;
    }
    uint64_t k = below(r, (uint64_t)n);
    return bt_int((int64_t)((__int128)start + (__int128)step * k));
}

static BtValue random_randrange(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    static const char *const params[] = {"start", "|stop", "step", NULL};
    BtValue a[3];
    if (!bt_parse_args(t, "randrange", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int64_t start, stop = 0, step = 1;
    if (!randrange_arg(t, a[0], 1, &start))
        return BT_UNDEF;
    bool single = bt_is_undef(a[1]) || bt_is_none(a[1]);
    if (!single && !randrange_arg(t, a[1], 2, &stop))
        return BT_UNDEF;
    if (!bt_is_undef(a[2]) && !randrange_arg(t, a[2], 3, &step))
        return BT_UNDEF;
    BtRandom *r = rng(t, self);
    return r ? randrange(t, r, start, stop, step, single) : BT_UNDEF;
}

static BtValue random_randint(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    static const char *const params[] = {"a", "b", NULL};
    BtValue a[2];
    if (nargs > 2) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "Random.randint() takes 3 positional arguments but %d were given", nargs + 1);
        return BT_UNDEF;
    }
    if (nargs == 1 && !(kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "Random.randint() missing 1 required positional argument: 'b'");
        return BT_UNDEF;
    }
    if (!bt_parse_args(t, "randint", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    int64_t lo, hi;
    if (!randrange_arg(t, a[0], 1, &lo) || !randrange_arg(t, a[1], 2, &hi))
        return BT_UNDEF;
    if (hi == INT64_MAX) {
        bt_int_overflow(t);
        return BT_UNDEF;
    }
    BtRandom *r = rng(t, self);
    return r ? randrange(t, r, lo, hi + 1, 1, false) : BT_UNDEF;
}

static BtValue random_uniform(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    static const char *const params[] = {"a", "b", NULL};
    BtValue a[2];
    if (nargs == 1 && !(kwnames && kwnames->len)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "Random.uniform() missing 1 required positional argument: 'b'");
        return BT_UNDEF;
    }
    if (!bt_parse_args(t, "uniform", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    double lo, hi;
    if (!bt_num_as_double(a[0], &lo) || !bt_num_as_double(a[1], &hi)) {
        BtValue bad = bt_num_as_double(a[0], &lo) ? a[1] : a[0];
        bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %s", bt_type_name(t, bad));
        return BT_UNDEF;
    }
    BtRandom *r = rng(t, self);
    return r ? bt_float(lo + (hi - lo) * next_double(r)) : BT_UNDEF;
}

static BtValue random_choice(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!bt_check_args(t, "choice", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    int64_t n = bt_len(t, args[0]);
    if (n < 0)
        return BT_UNDEF;
    if (n == 0) {
        bt_raise(t, BT_EXC(t, IndexError), "Cannot choose from an empty sequence");
        return BT_UNDEF;
    }
    BtRandom *r = rng(t, self);
    if (!r)
        return BT_UNDEF;
    int64_t i = (int64_t)below(r, (uint64_t)n);
    if (bt_is_list(t, args[0]))
        return bt_as_list(args[0])->items[i];
    return bt_getitem(t, args[0], bt_int(i));
}

static BtValue random_shuffle(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    if (!bt_check_args(t, "shuffle", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue x = args[0];
    int64_t n = bt_len(t, x);
    if (n < 0)
        return BT_UNDEF;
    BtRandom *r = rng(t, self);
    if (!r)
        return BT_UNDEF;
    if (bt_is_list(t, x)) {
        BtList *l = bt_as_list(x);
        for (int64_t i = n - 1; i > 0; i--) {
            int64_t j = (int64_t)below(r, (uint64_t)i + 1);
            if ((size_t)i >= l->len || (size_t)j >= l->len)
                break; /* cannot happen: nothing here runs Python code */
            BtValue tmp = l->items[i];
            l->items[i] = l->items[j];
            l->items[j] = tmp;
        }
        return BT_NONE;
    }
    /* Any mutable sequence: swap through __getitem__/__setitem__. */
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j = (int64_t)below(r, (uint64_t)i + 1);
        BtValue a = bt_getitem(t, x, bt_int(i));
        if (bt_is_undef(a))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &a);
        BtValue b = bt_getitem(t, x, bt_int(j));
        BT_PUSH_ROOT(t, &b);
        bool ok =
            !bt_is_undef(b) && bt_setitem(t, x, bt_int(i), b) && bt_setitem(t, x, bt_int(j), a);
        BT_POP_ROOT(t, 2);
        if (!ok)
            return BT_UNDEF;
    }
    return BT_NONE;
}

static BtValue random_sample(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    static const char *const params[] = {"population", "k", NULL};
    BtValue a[2];
    if (!bt_parse_args(t, "sample", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue pop = a[0];
    BtType *pt = bt_type_of(t, pop), *pb = pt;
    while (pb && (pb->flags & BT_TYPE_HEAPTYPE))
        pb = pb->base;
    bool seq = (pb && pb->getitem) || !bt_is_undef(bt_type_lookup(pt, BT_NAME(t, dunder_getitem)));
    if (!seq || bt_issubtype(pt, BT_TYPE(t, dict)) || bt_issubtype(pt, BT_TYPE(t, set))) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "Population must be a sequence.  For dicts or sets, use sorted(d).");
        return BT_UNDEF;
    }
    int64_t k;
    if (!bt_int_index(t, a[1], &k))
        return BT_UNDEF;
    BtValue pool = bt_obj(bt_list_from_iterable(t, pop));
    if (!pool.as.o)
        return BT_UNDEF;
    BtList *l = bt_as_list(pool);
    if (k < 0 || (size_t)k > l->len) {
        bt_raise(t, BT_EXC(t, ValueError), "Sample larger than population or is negative");
        return BT_UNDEF;
    }
    /* A partial Fisher-Yates shuffle: the first k slots become the sample. */
    BtRandom *r = rng(t, self);
    if (!r)
        return BT_UNDEF;
    for (int64_t i = 0; i < k; i++) {
        int64_t j = i + (int64_t)below(r, l->len - (uint64_t)i);
        BtValue tmp = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = tmp;
    }
    BT_PUSH_ROOT(t, &pool);
    BtList *out = bt_list_from(t, l->items, (size_t)k);
    BT_POP_ROOT(t, 1);
    return out ? bt_obj(out) : BT_UNDEF;
}

static BtValue random_getrandbits(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    int64_t k;
    if (!bt_check_args(t, "getrandbits", nargs, kwnames, 1, 1) || !bt_int_index(t, args[0], &k))
        return BT_UNDEF;
    if (k < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "number of bits must be non-negative");
        return BT_UNDEF;
    }
    if (k > 63) {
        bt_int_overflow(t);
        return BT_UNDEF;
    }
    BtRandom *r = rng(t, self);
    if (!r)
        return BT_UNDEF;
    return bt_int(k == 0 ? 0 : (int64_t)(next_u64(r) >> (64 - k)));
}

static const BtNativeDef random_methods[] = {
    {"seed", random_seed},
    {"random", random_random},
    {"randrange", random_randrange},
    {"randint", random_randint},
    {"uniform", random_uniform},
    {"choice", random_choice},
    {"shuffle", random_shuffle},
    {"sample", random_sample},
    {"getrandbits", random_getrandbits},
    {NULL, NULL},
};

/* Random(seed=None) */
static BtValue random_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    if (!bt_check_args(t, "Random", nargs, kwnames, 0, 1))
        return BT_UNDEF;
    BtRandom *r = bt_gc_alloc(t, type, sizeof(BtRandom));
    if (!r)
        return BT_UNDEF;
    BtValue rv = bt_obj(r);
    BT_PUSH_ROOT(t, &rv);
    bool ok = seed_from(t, r, nargs ? args[0] : BT_UNDEF);
    BT_POP_ROOT(t, 1);
    return ok ? rv : BT_UNDEF;
}

BtModule *bt_mod_random_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "random");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m), tv = BT_UNDEF, inst = BT_UNDEF;
    BT_PUSH_ROOT(t, &mv);
    BT_PUSH_ROOT(t, &tv);
    BT_PUSH_ROOT(t, &inst);
    bool ok = false;
    BtType *type = bt_type_new_native(t, "Random", NULL, sizeof(BtRandom));
    if (!type)
        goto out;
    tv = bt_obj(type);
    type->construct = random_construct;
    type->module = name;
    if (!bt_type_add_methods(t, type, random_methods) ||
        !bt_dict_set_str(t, m->dict, type->name, tv))
        goto out;
    inst = random_construct(t, type, NULL, 0, NULL);
    if (bt_is_undef(inst))
        goto out;
    /* The module's functions are the hidden instance's methods. */
    for (const BtNativeDef *d = random_methods; d->name; d++) {
        BtNative *n = bt_native_new(t, d->name, d->fn, inst);
        if (!n)
            goto out;
        n->module = bt_obj(name);
        BtValue nv = bt_obj(n);
        BT_PUSH_ROOT(t, &nv);
        BtStr *key = bt_str_intern_cstr(t, d->name);
        bool set = key && bt_dict_set_str(t, m->dict, key, nv);
        BT_POP_ROOT(t, 1);
        if (!set)
            goto out;
    }
    ok = true;
out:
    BT_POP_ROOT(t, 3);
    return ok ? m : NULL;
}
