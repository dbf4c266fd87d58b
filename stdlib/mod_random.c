/* mod_random.c: the random module (stdlib stage; see stdlib/README.md).
 *
 * The generator is the Mersenne Twister (MT19937) seeded the way CPython's
 * _random module seeds it, and every method draws from it in CPython's
 * order (random() from two 32-bit outputs, randrange() by rejection on
 * getrandbits(bit_length)), so a seeded program prints what CPython prints.
 * As in CPython, the module functions are methods of one hidden Random
 * instance, whose state lives in the object (no globals); random.Random(seed)
 * makes more.
 */
#include <fcntl.h>
#include <math.h>
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

#define MT_N 624
#define MT_M 397

typedef struct {
    BtObject hdr;
    uint32_t mt[MT_N];
    int index; /* next word of mt to hand out; MT_N: regenerate first */
} BtRandom;

/* ---- the generator: MT19937 (Matsumoto and Nishimura, 1998) ---- */

static void init_genrand(BtRandom *r, uint32_t s) {
    r->mt[0] = s;
    for (int i = 1; i < MT_N; i++)
        r->mt[i] = 1812433253u * (r->mt[i - 1] ^ (r->mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

/* Seed from an array of 32-bit words, least significant first. */
static void init_by_array(BtRandom *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->mt;
    init_genrand(r, 19650218u);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++, j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len)
            j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* a non-zero initial state */
}

static uint32_t next_u32(BtRandom *r) {
    uint32_t *mt = r->mt;
    if (r->index >= MT_N) {
        for (int k = 0; k < MT_N; k++) {
            uint32_t y = (mt[k] & 0x80000000u) | (mt[(k + 1) % MT_N] & 0x7fffffffu);
            mt[k] = mt[(k + MT_M) % MT_N] ^ (y >> 1) ^ (y & 1 ? 0x9908b0dfu : 0);
        }
        r->index = 0;
    }
    uint32_t y = mt[r->index++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

/* Seed from a non-negative integer, as CPython's seed(int) does. */
static void seed_u64(BtRandom *r, uint64_t n) {
    uint32_t key[2] = {(uint32_t)n, (uint32_t)(n >> 32)};
    init_by_array(r, key, key[1] ? 2 : 1);
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

/* A float in [0, 1) with 53 random bits (CPython's random_random). */
static double next_double(BtRandom *r) {
    uint32_t a = next_u32(r) >> 5, b = next_u32(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* getrandbits(k) for 0 < k <= 64: 32-bit words, least significant first;
 * the last keeps its top bits. */
static uint64_t random_bits(BtRandom *r, int k) {
    if (k <= 32)
        return next_u32(r) >> (32 - k);
    uint64_t lo = next_u32(r);
    uint64_t hi = next_u32(r) >> (64 - k);
    return lo | hi << 32;
}

/* Uniform in [0, n) for n > 0: getrandbits(n.bit_length()) until below n. */
static uint64_t below(BtRandom *r, uint64_t n) {
    if (n == 0)
        return 0;
    int k = 64 - __builtin_clzll(n);
    uint64_t v = random_bits(r, k);
    while (v >= n)
        v = random_bits(r, k);
    return v;
}

/* ---- methods (self is a Random) ---- */

static BtValue random_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames);

/* self as a Random; NULL raised when a method was called unbound on something else. */
static BtRandom *rng(BtThread *t, BtValue self) {
    if (bt_is_obj(self) && bt_as_obj(self)->type->construct == random_construct)
        return (BtRandom *)bt_as_obj(self);
    bt_raise(t, BT_EXC(t, TypeError), "descriptor requires a 'Random' object but received '%s'",
             bt_is_undef(self) ? "nothing" : bt_type_name(t, self));
    return NULL;
}

/* ---- seeding from str and bytes: CPython hashes them with SHA-512 ---- */

/* SHA-512's round constants and initial hash (FIPS 180-4: the fractional
 * parts of the cube and square roots of the first primes). */
static const uint64_t SHA512_K[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full,
    0xe9b5dba58189dbbcull, 0x3956c25bf348b538ull, 0x59f111f1b605d019ull,
    0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull, 0xd807aa98a3030242ull,
    0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull,
    0xc19bf174cf692694ull, 0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull,
    0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull, 0x2de92c6f592b0275ull,
    0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full,
    0xbf597fc7beef0ee4ull, 0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull,
    0x06ca6351e003826full, 0x142929670a0e6e70ull, 0x27b70a8546d22ffcull,
    0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull,
    0x92722c851482353bull, 0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull,
    0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull, 0xd192e819d6ef5218ull,
    0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull,
    0x34b0bcb5e19b48a8ull, 0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull,
    0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull, 0x748f82ee5defb2fcull,
    0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull,
    0xc67178f2e372532bull, 0xca273eceea26619cull, 0xd186b8c721c0c207ull,
    0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull, 0x06f067aa72176fbaull,
    0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull,
    0x431d67c49c100d4cull, 0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull,
    0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull};
static const uint64_t SHA512_H[8] = {0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull, 0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull};

static uint64_t ror64(uint64_t x, int n) {
    return (x >> n) | (x << (64 - n));
}

static void sha512_block(uint64_t h[8], const uint8_t *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = 0;
        for (int j = 0; j < 8; j++)
            w[i] = w[i] << 8 | p[8 * i + j];
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ror64(w[i - 15], 1) ^ ror64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ror64(w[i - 2], 19) ^ ror64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t t1 = k + (ror64(e, 14) ^ ror64(e, 18) ^ ror64(e, 41)) + ((e & f) ^ (~e & g)) +
                      SHA512_K[i] + w[i];
        uint64_t t2 = (ror64(a, 28) ^ ror64(a, 34) ^ ror64(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        k = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += k;
}

static void sha512(const uint8_t *data, size_t n, uint8_t out[64]) {
    uint64_t h[8];
    memcpy(h, SHA512_H, sizeof h);
    size_t full = n / 128 * 128;
    for (size_t i = 0; i < full; i += 128)
        sha512_block(h, data + i);
    uint8_t tail[256] = {0};
    size_t rest = n - full;
    memcpy(tail, data + full, rest);
    tail[rest] = 0x80;
    size_t tail_len = rest + 17 <= 128 ? 128 : 256;
    uint64_t bits = (uint64_t)n * 8; /* the length's high 64 bits stay zero */
    for (int j = 0; j < 8; j++)
        tail[tail_len - 1 - j] = (uint8_t)(bits >> (8 * j));
    for (size_t i = 0; i < tail_len; i += 128)
        sha512_block(h, tail + i);
    for (int i = 0; i < 8; i++)
        for (int j = 0; j < 8; j++)
            out[8 * i + j] = (uint8_t)(h[i] >> (56 - 8 * j));
}

/* seed(str or bytes), version 2: the integer whose big-endian bytes are the
 * text's bytes then their SHA-512 digest, as 32-bit words from the low end. */
static bool seed_from_bytes(BtThread *t, BtRandom *r, const uint8_t *p, size_t n) {
    size_t len = n + 64;
    uint8_t *all = malloc(len);
    uint32_t *key = malloc((len / 4 + 1) * sizeof *key);
    if (!all || !key) {
        free(all);
        free(key);
        bt_raise_memory(t);
        return false;
    }
    memcpy(all, p, n);
    sha512(p, n, all + n);
    size_t words = 0;
    for (size_t end = len; end > 0; end = end >= 4 ? end - 4 : 0) {
        uint32_t w = 0;
        for (size_t i = end >= 4 ? end - 4 : 0; i < end; i++)
            w = w << 8 | all[i];
        key[words++] = w;
    }
    while (words > 1 && key[words - 1] == 0)
        words--;
    init_by_array(r, key, words);
    free(all);
    free(key);
    return true;
}

static bool seed_from(BtThread *t, BtRandom *r, BtValue a) {
    if (bt_is_undef(a) || bt_is_none(a)) {
        seed_u64(r, entropy());
    } else if (bt_is_intlike(a)) {
        int64_t n = bt_as_int(a);
        seed_u64(r, n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n);
    } else if (bt_is_bigint(a)) {
        /* |a| as 32-bit words from the low end, as CPython's init_by_array key. */
        size_t words = (size_t)(bt_int_bit_length(a) + 31) / 32;
        uint8_t *bytes = malloc(words * 4);
        uint32_t *key = malloc(words * sizeof *key);
        BtValue mag = bt_int_sign(a) < 0 ? bt_bigint_unary(t, '-', a) : a;
        bool ok = bytes && key && !bt_is_undef(mag) &&
                  bt_int_to_bytes(t, mag, bytes, words * 4, true, false);
        if (ok) {
            for (size_t i = 0; i < words; i++)
                key[i] = (uint32_t)bytes[4 * i] | (uint32_t)bytes[4 * i + 1] << 8 |
                         (uint32_t)bytes[4 * i + 2] << 16 | (uint32_t)bytes[4 * i + 3] << 24;
            init_by_array(r, key, words);
        } else if (!bt_has_exc(t)) {
            bt_raise_memory(t);
        }
        free(bytes);
        free(key);
        return ok;
    } else if (bt_is_float(a)) {
        int64_t h; /* CPython seeds a float by its hash, as an unsigned word */
        if (!bt_hash(t, a, &h))
            return false;
        seed_u64(r, (uint64_t)h);
    } else if (bt_is_str(t, a)) {
        return seed_from_bytes(t, r, (const uint8_t *)bt_as_str(a)->data, bt_as_str(a)->size);
    } else if (bt_is_bytes(t, a)) {
        return seed_from_bytes(t, r, ((BtBytes *)bt_as_obj(a))->data, ((BtBytes *)bt_as_obj(a))->size);
    } else {
        bt_raise(t, BT_EXC(t, TypeError),
                 "The only supported seed types are: None,\nint, float, str, bytes, and "
                 "bytearray.");
        return false;
    }
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
        double d = bt_as_f64(v);
        if (d != (double)(int64_t)d) {
            bt_raise(t, BT_EXC(t, ValueError), "non-integer arg %d for randrange()", pos);
            return false;
        }
        *out = (int64_t)d;
        return true;
    }
    return bt_int_index(t, v, out);
}

static BtValue randrange_big(BtThread *t, BtRandom *r, BtValue *a, bool single);

/* randrange over [start, stop) by step; shared by randint. */
static BtValue randrange(BtThread *t, BtRandom *r, int64_t start, int64_t stop, int64_t step,
                         bool single) {
    if (single) {
        if (start <= 0) {
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange()");
            return BT_UNDEF;
        }
        return bt_int_from_u64(t, below(r, (uint64_t)start));
    }
    __int128 width = (__int128)stop - start;
    if (step == 1) {
        if (width <= 0) {
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange() (%lld, %lld, %lld)",
                     (long long)start, (long long)stop, (long long)width);
            return BT_UNDEF;
        }
        return bt_int_from_i64(t, (int64_t)((__int128)start + below(r, (uint64_t)width)));
    }
    if (step == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "zero step for randrange()");
        return BT_UNDEF;
    }
    __int128 n = step > 0 ? (width + step - 1) / step : (width + step + 1) / step;
    if (n <= 0) {
        bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange()");
        return BT_UNDEF;
    }
    uint64_t k = below(r, (uint64_t)n);
    return bt_int_from_i64(t, (int64_t)((__int128)start + (__int128)step * k));
}

static BtValue random_randrange(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    static const char *const params[] = {"start", "|stop", "step", NULL};
    BtValue a[3];
    if (!bt_parse_args(t, "randrange", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    bool single = bt_is_undef(a[1]) || bt_is_none(a[1]);
    if (bt_is_bigint(a[0]) || bt_is_bigint(a[1]) || bt_is_bigint(a[2])) {
        BtRandom *r = rng(t, self);
        return r ? randrange_big(t, r, a, single) : BT_UNDEF;
    }
    int64_t start, stop = 0, step = 1;
    if (!randrange_arg(t, a[0], 1, &start))
        return BT_UNDEF;
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
    if (bt_is_bigint(a[0]) || bt_is_bigint(a[1])) { /* randrange(a, b + 1) on ints */
        BtRandom *r = rng(t, self);
        BtValue range[3] = {a[0], BT_UNDEF, BT_UNDEF};
        BT_PUSH_ROOT(t, &range[1]);
        range[1] = r ? bt_int_binary(t, BT_BINOP_ADD, a[1], bt_int(1)) : BT_UNDEF;
        BtValue v = bt_is_undef(range[1]) ? BT_UNDEF : randrange_big(t, r, range, false);
        BT_POP_ROOT(t, 1);
        return v;
    }
    int64_t lo, hi;
    if (!randrange_arg(t, a[0], 1, &lo) || !randrange_arg(t, a[1], 2, &hi))
        return BT_UNDEF;
    if (hi == INT64_MAX) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C long");
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
    if (!bt_num_to_double(t, a[0], &lo) || !bt_num_to_double(t, a[1], &hi)) {
        if (bt_has_exc(t))
            return BT_UNDEF; /* an int too large to convert to float */
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
    int64_t n = bt_len(t, pop);
    if (n < 0)
        return BT_UNDEF;
    if (k < 0 || k > n) {
        bt_raise(t, BT_EXC(t, ValueError), "Sample larger than population or is negative");
        return BT_UNDEF;
    }
    BtRandom *r = rng(t, self);
    if (!r)
        return BT_UNDEF;
    /* CPython's two ways, for the same draws: a shrinking pool when the
     * population is small, else indices retried until unseen. */
    int64_t setsize = 21;
    if (k > 5)
        setsize += (int64_t)pow(4.0, ceil(log((double)k * 3) / log(4.0)));
    BtValue result = bt_obj(bt_list_new(t, (size_t)k));
    if (!bt_as_obj(result))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &result);
    BtValue pool = BT_NONE;
    BT_PUSH_ROOT(t, &pool);
    bool ok = true;
    if (n <= setsize) {
        pool = bt_obj(bt_list_from_iterable(t, pop));
        ok = bt_as_obj(pool) && bt_as_list(pool)->len == (size_t)n;
        for (int64_t i = 0; ok && i < k; i++) {
            BtList *l = bt_as_list(pool);
            int64_t j = (int64_t)below(r, (uint64_t)(n - i));
            bt_as_list(result)->items[i] = l->items[j];
            l->items[j] = l->items[n - i - 1];
        }
    } else {
        /* The indices taken so far, in an open-addressing table. */
        size_t cap = 16;
        while (cap < (size_t)k * 2)
            cap *= 2;
        int64_t *seen = malloc(cap * sizeof *seen);
        ok = seen != NULL;
        if (!ok)
            bt_raise_memory(t);
        for (size_t i = 0; ok && i < cap; i++)
            seen[i] = -1;
        for (int64_t i = 0; ok && i < k; i++) {
            int64_t j;
            size_t slot;
            for (;;) {
                j = (int64_t)below(r, (uint64_t)n);
                slot = (size_t)j * 0x9e3779b97f4a7c15ull & (cap - 1);
                while (seen[slot] != -1 && seen[slot] != j)
                    slot = (slot + 1) & (cap - 1);
                if (seen[slot] == -1)
                    break;
            }
            seen[slot] = j;
            BtValue item = bt_getitem(t, pop, bt_int(j));
            ok = !bt_is_undef(item);
            if (ok)
                bt_as_list(result)->items[i] = item;
        }
        free(seen);
    }
    BT_POP_ROOT(t, 2);
    return ok ? result : BT_UNDEF;
}

/* getrandbits(k) for k >= 0: an int of any size. */
static BtValue random_bits_value(BtThread *t, BtRandom *r, int64_t k) {
    if (k <= 63)
        return bt_int_from_u64(t, k == 0 ? 0 : random_bits(r, (int)k));
    /* As CPython: 32-bit words from the least significant, the last one
     * shifted down to the bits still wanted. */
    if (k > ((int64_t)1 << 36)) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t words = (size_t)(k + 31) / 32;
    uint8_t *bytes = malloc(words * 4);
    if (!bytes) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t w = next_u32(r);
        if (k < 32)
            w >>= 32 - k;
        for (int b = 0; b < 4; b++)
            bytes[4 * i + (size_t)b] = (uint8_t)(w >> (8 * b));
    }
    BtValue v = bt_int_from_bytes(t, bytes, words * 4, true, false);
    free(bytes);
    return v;
}

/* CPython's _randbelow(n) for an int n > 0 of any size: getrandbits(k) until below n. */
static BtValue below_value(BtThread *t, BtRandom *r, BtValue n) {
    int64_t k = (int64_t)bt_int_bit_length(n);
    for (;;) {
        BtValue v = random_bits_value(t, r, k);
        if (bt_is_undef(v) || bt_int_cmp(v, n) < 0)
            return v;
    }
}

/* randrange when a bound or the step is past 64 bits: CPython's algorithm on ints. */
static BtValue randrange_big(BtThread *t, BtRandom *r, BtValue *a, bool single) {
    BtValue v[4] = {BT_NONE, BT_NONE, bt_int(1), BT_NONE}; /* start, stop, step, width */
    for (int i = 0; i < 4; i++)
        BT_PUSH_ROOT(t, &v[i]);
    BtValue result = BT_UNDEF;
    for (int i = 0; i < 3; i++) {
        if (bt_is_undef(a[i]) || bt_is_none(a[i]))
            continue;
        if (bt_is_float(a[i]) && bt_as_f64(a[i]) != floor(bt_as_f64(a[i]))) {
            bt_raise(t, BT_EXC(t, ValueError), "non-integer arg %d for randrange()", i + 1);
            goto done;
        }
        v[i] = bt_is_float(a[i]) ? bt_int_from_double(t, bt_as_f64(a[i])) : bt_index_value(t, a[i]);
        if (bt_is_undef(v[i]))
            goto done;
    }
    if (single) {
        if (bt_int_sign(v[0]) > 0)
            result = below_value(t, r, v[0]);
        else
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange()");
        goto done;
    }
    if (bt_is_undef(v[3] = bt_int_binary(t, BT_BINOP_SUB, v[1], v[0])))
        goto done;
    int step_sign = bt_int_sign(v[2]);
    if (step_sign == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "zero step for randrange()");
        goto done;
    }
    if (!(bt_is_int(v[2]) && bt_as_i64(v[2]) == 1)) {
        /* n = (width + step -+ 1) // step */
        BtValue m = bt_int_binary(t, BT_BINOP_ADD, v[3], v[2]);
        if (!bt_is_undef(m))
            m = bt_int_binary(t, BT_BINOP_SUB, m, bt_int(step_sign));
        if (bt_is_undef(m) || bt_is_undef(v[3] = bt_int_binary(t, BT_BINOP_FLOORDIV, m, v[2])))
            goto done;
    }
    if (bt_int_sign(v[3]) <= 0) {
        if (bt_is_int(v[2]) && bt_as_i64(v[2]) == 1)
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange() (%R, %R, %R)", v[0],
                     v[1], v[3]);
        else
            bt_raise(t, BT_EXC(t, ValueError), "empty range for randrange()");
        goto done;
    }
    v[3] = below_value(t, r, v[3]);
    if (!bt_is_undef(v[3]))
        v[3] = bt_int_binary(t, BT_BINOP_MUL, v[2], v[3]);
    if (!bt_is_undef(v[3]))
        result = bt_int_binary(t, BT_BINOP_ADD, v[0], v[3]);
done:
    BT_POP_ROOT(t, 4);
    return result;
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
    BtRandom *r = rng(t, self);
    return r ? random_bits_value(t, r, k) : BT_UNDEF;
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
