/* str.c: the str type, interning and bt_str_format (vm stage; see vm/README.md).
 *
 * A str is immutable UTF-8 that knows its length in code points; ASCII text
 * (the common case) indexes by byte. Non-ASCII text indexes by walking the
 * UTF-8 from the start: O(n) per index, acceptable for a teaching VM and the
 * reason the ascii flag exists. Results are built in a BtBuf (strformat.h)
 * outside the heap and become one str at the end. Character classes and case
 * mappings beyond ASCII come from unicode_db.h, generated from Python 3.11's
 * unicodedata so that isalpha(), upper() and repr() agree with CPython.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/container_internal.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"
#include "vm/unicode_db.h"

#define NOT_IMPLEMENTED(t) bt_obj((t)->interp->not_implemented)

/* An instance of a subclass of str, bytes or tuple passes to their methods
 * as its value ("abc".startswith(Name("a")), "a".strip(Chars(" "))). */
static inline BtValue unbox_arg(BtThread *t, BtValue v) {
    if (!bt_is_boxed(v))
        return v;
    BtValue inner = bt_unbox(v);
    return bt_is_str(t, inner) || bt_is_bytes(t, inner) || bt_is_tuple(t, inner) ? inner : v;
}

/* bt_method_args with the common case (positional arguments only, within
 * range) inline, where min and max are constants. */
static inline bool margs(BtThread *t, const char *qual, int style, BtValue *args, int nargs,
                         BtTuple *kwnames, int min, int max, const char *const *kw,
                         BtValue *out) {
    if ((!kwnames || kwnames->len == 0) && nargs >= min && nargs <= max) {
        for (int i = 0; i < max; i++)
            out[i] = i < nargs ? unbox_arg(t, args[i]) : BT_UNDEF;
        return true;
    }
    return bt_method_args(t, qual, style, args, nargs, kwnames, min, max, kw, out);
}

/* ---- Unicode properties ---- */

static uint8_t uc_flags(uint32_t cp) {
    size_t lo = 0, hi = sizeof bt_uc_runs / sizeof bt_uc_runs[0];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (bt_uc_runs[mid].start <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return bt_uc_runs[lo].flags;
}

bool bt_uc_isspace(uint32_t cp) {
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f);
    return (uc_flags(cp) & BT_UC_SPACE) != 0;
}

/* Binary search in a case table of {cp, delta}; the delta or 0. */
#define CASE_LOOKUP(table, cp)                                                                     \
    do {                                                                                           \
        size_t lo_ = 0, hi_ = sizeof(table) / sizeof(table)[0];                                    \
        while (lo_ < hi_) {                                                                        \
            size_t mid_ = (lo_ + hi_) / 2;                                                         \
            if ((table)[mid_].cp == (cp))                                                          \
                return (table)[mid_].delta;                                                        \
            if ((table)[mid_].cp < (cp))                                                           \
                lo_ = mid_ + 1;                                                                    \
            else                                                                                   \
                hi_ = mid_;                                                                        \
        }                                                                                          \
        return 0;                                                                                  \
    } while (0)

static int32_t upper_delta(uint32_t cp) {
    CASE_LOOKUP(bt_uc_upper_simple, cp);
}
static int32_t lower_delta(uint32_t cp) {
    CASE_LOOKUP(bt_uc_lower_simple, cp);
}

/* Append the upper (or lower) case of cp, which may be several code points. */
static void put_case(BtBuf *b, uint32_t cp, bool upper) {
    if (cp < 0x80) {
        if (upper && cp >= 'a' && cp <= 'z')
            cp -= 32;
        else if (!upper && cp >= 'A' && cp <= 'Z')
            cp += 32;
        bt_buf_putc(b, (char)cp);
        return;
    }
    if (upper) {
        for (size_t i = 0; i < sizeof bt_uc_upper_full / sizeof bt_uc_upper_full[0]; i++)
            if (bt_uc_upper_full[i].cp == cp) {
                bt_buf_puts(b, bt_uc_upper_full[i].utf8);
                return;
            }
        bt_buf_put_cp(b, (uint32_t)((int32_t)cp + upper_delta(cp)));
    } else {
        for (size_t i = 0; i < sizeof bt_uc_lower_full / sizeof bt_uc_lower_full[0]; i++)
            if (bt_uc_lower_full[i].cp == cp) {
                bt_buf_puts(b, bt_uc_lower_full[i].utf8);
                return;
            }
        bt_buf_put_cp(b, (uint32_t)((int32_t)cp + lower_delta(cp)));
    }
}

static uint8_t cp_flags(uint32_t cp) {
    if (cp < 0x80) {
        uint8_t f = 0;
        if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
            f |= BT_UC_ALPHA | ((cp >= 'a') ? BT_UC_LOWER : BT_UC_UPPER);
        if (cp >= '0' && cp <= '9')
            f |= BT_UC_DECIMAL | BT_UC_DIGIT | BT_UC_NUMERIC;
        if (bt_uc_isspace(cp))
            f |= BT_UC_SPACE;
        if (cp >= 0x20 && cp < 0x7f)
            f |= BT_UC_PRINTABLE;
        return f;
    }
    return uc_flags(cp);
}

void bt_str_ascii_digits(const BtStr *s, BtBuf *out) {
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        const char *q = p;
        uint32_t c = bt_utf8_next(&q);
        if (c < 0x80) {
            bt_buf_putc(out, (char)c);
        } else if (bt_uc_isspace(c)) {
            bt_buf_putc(out, ' ');
        } else if (uc_flags(c) & BT_UC_DECIMAL) {
            size_t lo = 0, hi = sizeof bt_uc_decimal_zeros / sizeof bt_uc_decimal_zeros[0];
            while (hi - lo > 1) {
                size_t mid = (lo + hi) / 2;
                if (bt_uc_decimal_zeros[mid] <= c)
                    lo = mid;
                else
                    hi = mid;
            }
            uint32_t v = c - bt_uc_decimal_zeros[lo];
            bt_buf_putc(out, v < 10 ? (char)('0' + v) : '?');
        } else {
            bt_buf_append(out, p, (size_t)(q - p));
        }
        p = q;
    }
}

/* ---- allocation ---- */

#define HIGH_BITS 0x8080808080808080ULL

static size_t count_cps(const char *p, size_t n) {
    size_t cont = 0, i = 0;
    /* Eight bytes at a time: a continuation byte has top bits 1 then 0, so
     * bit 7 set and bit 6 (shifted into bit 7's place) clear. */
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & HIGH_BITS)
            cont += (size_t)__builtin_popcountll(w & ~(w << 1) & HIGH_BITS);
    }
    for (; i < n; i++)
        cont += ((unsigned char)p[i] & 0xC0) == 0x80;
    return n - cont;
}

/* memcpy for the short copies strs mostly are, without a library call. */
static inline void copy_bytes(char *dst, const char *src, size_t n) {
    if (n >= 8 && n <= 16) {
        uint64_t a, b;
        memcpy(&a, src, 8);
        memcpy(&b, src + n - 8, 8);
        memcpy(dst, &a, 8);
        memcpy(dst + n - 8, &b, 8);
    } else if (n >= 4 && n < 8) {
        uint32_t a, b;
        memcpy(&a, src, 4);
        memcpy(&b, src + n - 4, 4);
        memcpy(dst, &a, 4);
        memcpy(dst + n - 4, &b, 4);
    } else if (n > 0 && n < 4) {
        dst[0] = src[0];
        dst[n / 2] = src[n / 2];
        dst[n - 1] = src[n - 1];
    } else if (n > 16) {
        memcpy(dst, src, n);
    }
}

/* A str with room for size bytes, contents unset (fill data, length and
 * ascii before any allocation). */
static BtStr *str_alloc(BtThread *t, size_t size) {
    if (size > BT_STR_MAX_BYTES) {
        bt_raise_memory(t);
        return NULL;
    }
    /* Not zeroed: a str has no references for the GC to trace. */
    BtStr *s = bt_gc_alloc_uninit(t, BT_TYPE(t, str), offsetof(BtStr, data) + size + 1);
    if (!s)
        return NULL;
    s->hash = -1;
    s->size = size;
    s->length = size;
    s->ascii = true;
    s->data[size] = '\0';
    return s;
}

BtStr *bt_str_new_known(BtThread *t, const char *utf8, size_t size, size_t length) {
    if (size == 0 && BT_NAME(t, empty))
        return BT_NAME(t, empty);
    BtStr *s = str_alloc(t, size);
    if (!s)
        return NULL;
    copy_bytes(s->data, utf8, size);
    s->length = length;
    s->ascii = length == size;
    return s;
}

BtStr *bt_str_new(BtThread *t, const char *utf8, size_t size) {
    return bt_str_new_known(t, utf8, size, count_cps(utf8, size));
}

BtStr *bt_str_from_cstr(BtThread *t, const char *cstr) {
    return bt_str_new(t, cstr, strlen(cstr));
}

static inline BtValue str_value(BtStr *s) {
    return s ? bt_obj(s) : BT_UNDEF;
}

size_t bt_str_cp_offset(const BtStr *s, size_t i) {
    if (s->ascii)
        return i;
    const char *p = s->data;
    if (i >= s->length)
        return s->size;
    while (i > 0) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        i--;
    }
    return (size_t)(p - s->data);
}

/* Code point index of byte offset off in s. */
static size_t str_cp_index(const BtStr *s, size_t off) {
    return s->ascii ? off : count_cps(s->data, off);
}

/* ---- hash, equality, interning ---- */

int64_t bt_hash_bytes(const void *data, size_t n) {
    const unsigned char *p = data;
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ (n * 0xff51afd7ed558ccdULL);
    while (n >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        h = (h ^ w) * 0x100000001b3ULL;
        h ^= h >> 29;
        p += 8;
        n -= 8;
    }
    uint64_t w = 0;
    memcpy(&w, p, n);
    h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
    h ^= h >> 32;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    int64_t r = (int64_t)h;
    return r == -1 ? -2 : r;
}

int64_t bt_str_hash_compute(BtStr *s) {
    return s->hash = bt_hash_bytes(s->data, s->size);
}

bool bt_str_equal(const BtStr *a, const BtStr *b) {
    if (a == b)
        return true;
    if (a->size != b->size)
        return false;
    if ((a->hdr.flags & b->hdr.flags & BT_STR_INTERNED) != 0)
        return false;
    if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
        return false;
    return memcmp(a->data, b->data, a->size) == 0;
}

static BtDict *interned_dict(BtThread *t) {
    if (!t->interp->interned)
        t->interp->interned = bt_dict_new(t);
    return t->interp->interned;
}

BtStr *bt_str_intern(BtThread *t, const char *utf8, size_t size) {
    BtDict *d = interned_dict(t);
    if (!d)
        return NULL;
    /* Look up with a stack-allocated probe so a hit allocates nothing. */
    _Alignas(BtStr) char probe_mem[sizeof(BtStr) + 120];
    BtStr *probe = (BtStr *)probe_mem;
    bool heap = size >= 120;
    if (heap) {
        probe = malloc(sizeof(BtStr) + size + 1);
        if (!probe) {
            bt_raise_memory(t);
            return NULL;
        }
    }
    memset(probe, 0, sizeof(BtStr));
    probe->hdr.type = BT_TYPE(t, str);
    probe->hash = -1;
    probe->size = size;
    memcpy(probe->data, utf8, size);
    probe->data[size] = '\0';
    probe->length = count_cps(utf8, size);
    probe->ascii = probe->length == size;
    BtValue hit = bt_dict_get_str(d, probe);
    size_t length = probe->length;
    int64_t hash = bt_str_hash(probe);
    if (heap)
        free(probe);
    if (!bt_is_undef(hit))
        return bt_as_str(hit);
    BtStr *s = str_alloc(t, size);
    if (!s)
        return NULL;
    copy_bytes(s->data, utf8, size);
    s->length = length;
    s->ascii = length == size;
    s->hash = hash;
    s->hdr.flags |= BT_STR_INTERNED;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    bool ok = bt_dict_set_str(t, interned_dict(t), s, sv);
    BT_POP_ROOT(t, 1);
    return ok ? s : NULL;
}

BtStr *bt_str_intern_cstr(BtThread *t, const char *cstr) {
    return bt_str_intern(t, cstr, strlen(cstr));
}

BtStr *bt_str_intern_str(BtThread *t, BtStr *s) {
    if (s->hdr.flags & BT_STR_INTERNED)
        return s;
    BtDict *d = interned_dict(t);
    if (!d)
        return NULL;
    BtValue hit = bt_dict_get_str(d, s);
    if (!bt_is_undef(hit))
        return bt_as_str(hit);
    s->hdr.flags |= BT_STR_INTERNED;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    bool ok = bt_dict_set_str(t, d, s, sv);
    BT_POP_ROOT(t, 1);
    if (!ok) {
        s->hdr.flags &= (uint8_t)~BT_STR_INTERNED;
        return NULL;
    }
    return s;
}

BtStr *bt_str_concat(BtThread *t, BtStr *a, BtStr *b) {
    if (a->size == 0)
        return b;
    if (b->size == 0)
        return a;
    BtValue va = bt_obj(a), vb = bt_obj(b);
    BT_PUSH_ROOT(t, &va);
    BT_PUSH_ROOT(t, &vb);
    BtStr *s = str_alloc(t, a->size + b->size);
    BT_POP_ROOT(t, 2);
    if (!s)
        return NULL;
    copy_bytes(s->data, a->data, a->size);
    copy_bytes(s->data + a->size, b->data, b->size);
    s->length = a->length + b->length;
    s->ascii = a->ascii && b->ascii;
    return s;
}

BtStr *bt_str_concat_n(BtThread *t, const BtValue *items, size_t n) {
    size_t total = 0, length = 0;
    bool ascii = true;
    for (size_t i = 0; i < n; i++) {
        const BtStr *x = bt_as_str(items[i]);
        total += x->size;
        length += x->length;
        ascii &= x->ascii;
    }
    if (total == 0 && BT_NAME(t, empty))
        return BT_NAME(t, empty);
    BtStr *r = str_alloc(t, total);
    if (!r)
        return NULL;
    char *o = r->data;
    for (size_t i = 0; i < n; i++) {
        const BtStr *x = bt_as_str(items[i]);
        copy_bytes(o, x->data, x->size);
        o += x->size;
    }
    r->length = length;
    r->ascii = ascii;
    return r;
}

/* ---- BtBuf ---- */

bool bt_buf_grow(BtBuf *b, size_t extra) {
    if (b->oom)
        return false;
    if (extra > BT_STR_MAX_BYTES - b->len) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap * 2;
    if (cap < need)
        cap = need;
    if (cap > BT_STR_MAX_BYTES)
        cap = BT_STR_MAX_BYTES;
    char *p;
    if (b->data == b->inline_buf) {
        p = malloc(cap);
        if (p)
            memcpy(p, b->data, b->len);
    } else {
        p = realloc(b->data, cap);
    }
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void bt_buf_fill(BtBuf *b, char c, size_t n) {
    if (n > b->cap - b->len && !bt_buf_grow(b, n))
        return;
    memset(b->data + b->len, c, n);
    b->len += n;
}

void bt_buf_repeat(BtBuf *b, const char *unit, size_t k, size_t n) {
    if (k == 1) {
        bt_buf_fill(b, unit[0], n);
        return;
    }
    if (k == 0 || n == 0)
        return;
    if (n > BT_STR_MAX_BYTES / k) {
        b->oom = true;
        return;
    }
    if (n * k > b->cap - b->len && !bt_buf_grow(b, n * k))
        return;
    char *start = b->data + b->len;
    memcpy(start, unit, k);
    size_t done = k, total = n * k;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(start + done, start, chunk);
        done += chunk;
    }
    b->len += total;
}

void bt_buf_put_cp(BtBuf *b, uint32_t cp) {
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    bt_buf_append(b, u, n);
}

void bt_buf_free(BtBuf *b) {
    if (b->data != b->inline_buf)
        free(b->data);
    bt_buf_init(b);
}

BtStr *bt_buf_finish(BtThread *t, BtBuf *b) {
    if (b->oom) {
        bt_buf_free(b);
        bt_raise_memory(t);
        return NULL;
    }
    BtStr *s = bt_str_new(t, b->data, b->len);
    bt_buf_free(b);
    return s;
}

BtBytes *bt_buf_finish_bytes(BtThread *t, BtBuf *b) {
    if (b->oom) {
        bt_buf_free(b);
        bt_raise_memory(t);
        return NULL;
    }
    BtBytes *r = bt_bytes_new(t, (const uint8_t *)b->data, b->len);
    bt_buf_free(b);
    return r;
}

/* ---- repr ---- */

static void repr_into(BtBuf *b, const BtStr *s) {
    const char *p = s->data, *end = s->data + s->size;
    bool has_single = memchr(p, '\'', s->size) != NULL;
    bool has_double = memchr(p, '"', s->size) != NULL;
    char quote = has_single && !has_double ? '"' : '\'';
    bt_buf_putc(b, quote);
    while (p < end) {
        const char *start = p;
        uint32_t c = bt_utf8_next(&p);
        char esc[12];
        if (c == (uint32_t)quote || c == '\\') {
            bt_buf_putc(b, '\\');
            bt_buf_putc(b, (char)c);
        } else if (c == '\t') {
            bt_buf_puts(b, "\\t");
        } else if (c == '\n') {
            bt_buf_puts(b, "\\n");
        } else if (c == '\r') {
            bt_buf_puts(b, "\\r");
        } else if (c >= 0x20 && c < 0x7f) {
            bt_buf_putc(b, (char)c);
        } else if (c >= 0x80 && (uc_flags(c) & BT_UC_PRINTABLE)) {
            bt_buf_append(b, start, (size_t)(p - start));
        } else {
            if (c < 0x100)
                snprintf(esc, sizeof esc, "\\x%02x", c);
            else if (c < 0x10000)
                snprintf(esc, sizeof esc, "\\u%04x", c);
            else
                snprintf(esc, sizeof esc, "\\U%08x", c);
            bt_buf_puts(b, esc);
        }
    }
    bt_buf_putc(b, quote);
}

BtStr *bt_str_repr(BtThread *t, BtStr *s) {
    BtBuf b;
    bt_buf_init(&b);
    repr_into(&b, s);
    return bt_buf_finish(t, &b);
}

/* ---- bt_str_format ---- */

/* Append text (size bytes, UTF-8) honouring a precision in code points and a width. */
static void put_padded(BtBuf *b, const char *text, size_t size, int width, int prec, bool left) {
    size_t cps = 0;
    const char *p = text, *end = text + size;
    while (p < end && (prec < 0 || cps < (size_t)prec)) {
        p++;
        while (p < end && ((unsigned char)*p & 0xC0) == 0x80)
            p++;
        cps++;
    }
    size_t pad = width > 0 && (size_t)width > cps ? (size_t)width - cps : 0;
    if (!left)
        bt_buf_fill(b, ' ', pad);
    bt_buf_append(b, text, (size_t)(p - text));
    if (left)
        bt_buf_fill(b, ' ', pad);
}

BtStr *bt_str_vformat(BtThread *t, const char *fmt, va_list ap) {
    BtBuf b;
    bt_buf_init(&b);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            const char *run = f;
            while (f[1] && f[1] != '%')
                f++;
            bt_buf_append(&b, run, (size_t)(f - run + 1));
            continue;
        }
        const char *spec_start = f++;
        bool left = false, zero = false;
        while (*f == '-' || *f == '0' || *f == '+' || *f == ' ' || *f == '#') {
            left |= *f == '-';
            zero |= *f == '0';
            f++;
        }
        int width = -1, prec = -1;
        if (*f == '*') {
            width = va_arg(ap, int);
            f++;
        } else if (*f >= '0' && *f <= '9') {
            width = 0;
            while (*f >= '0' && *f <= '9')
                width = width * 10 + (*f++ - '0');
        }
        if (*f == '.') {
            f++;
            prec = 0;
            if (*f == '*') {
                prec = va_arg(ap, int);
                f++;
            } else {
                while (*f >= '0' && *f <= '9')
                    prec = prec * 10 + (*f++ - '0');
            }
        }
        int longs = 0;
        bool size_mod = false;
        while (*f == 'l' || *f == 'z' || *f == 'h') {
            if (*f == 'l')
                longs++;
            if (*f == 'z')
                size_mod = true;
            f++;
        }
        char num[64], cfmt[32];
        switch (*f) {
        case '%':
            bt_buf_putc(&b, '%');
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s)
                s = "(null)";
            put_padded(&b, s, strlen(s), width, prec, left);
            break;
        }
        case 'S': {
            BtStr *s = va_arg(ap, BtStr *);
            if (s)
                put_padded(&b, s->data, s->size, width, prec, left);
            else
                bt_buf_puts(&b, "(null)");
            break;
        }
        case 'R': {
            BtValue v = va_arg(ap, BtValue);
            BtValue r = bt_repr(t, v);
            if (bt_is_undef(r)) {
                bt_buf_free(&b);
                return NULL;
            }
            put_padded(&b, bt_as_str(r)->data, bt_as_str(r)->size, width, prec, left);
            break;
        }
        case 'T': {
            BtValue v = va_arg(ap, BtValue);
            const char *name = bt_type_name(t, v);
            put_padded(&b, name, strlen(name), width, prec, left);
            break;
        }
        case 'c': {
            int c = va_arg(ap, int);
            /* Keep the result valid UTF-8 whatever the caller passed. */
            bt_buf_put_cp(&b, c < 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF) ? 0xFFFD
                                                                                    : (uint32_t)c);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X': {
            /* Rebuild a plain C conversion with a 64-bit argument. */
            bool is_signed = *f == 'd' || *f == 'i';
            long long sv = 0;
            unsigned long long uv = 0;
            if (size_mod) {
                if (is_signed)
                    sv = (long long)va_arg(ap, ptrdiff_t);
                else
                    uv = va_arg(ap, size_t);
            } else if (longs >= 2) {
                if (is_signed)
                    sv = va_arg(ap, long long);
                else
                    uv = va_arg(ap, unsigned long long);
            } else if (longs == 1) {
                if (is_signed)
                    sv = va_arg(ap, long);
                else
                    uv = va_arg(ap, unsigned long);
            } else {
                if (is_signed)
                    sv = va_arg(ap, int);
                else
                    uv = va_arg(ap, unsigned int);
            }
            snprintf(cfmt, sizeof cfmt, "%%%s%s%s%s%s", left ? "-" : "", zero ? "0" : "",
                     width >= 0 ? "*" : "", prec >= 0 ? ".*" : "",
                     is_signed   ? "lld"
                     : *f == 'u' ? "llu"
                     : *f == 'x' ? "llx"
                                 : "llX");
            int n;
            /* The four argument shapes of the rebuilt format. */
            if (width >= 0 && prec >= 0)
                n = is_signed ? snprintf(num, sizeof num, cfmt, width, prec, sv)
                              : snprintf(num, sizeof num, cfmt, width, prec, uv);
            else if (width >= 0)
                n = is_signed ? snprintf(num, sizeof num, cfmt, width, sv)
                              : snprintf(num, sizeof num, cfmt, width, uv);
            else if (prec >= 0)
                n = is_signed ? snprintf(num, sizeof num, cfmt, prec, sv)
                              : snprintf(num, sizeof num, cfmt, prec, uv);
            else
                n = is_signed ? snprintf(num, sizeof num, cfmt, sv)
                              : snprintf(num, sizeof num, cfmt, uv);
            if (n > 0)
                bt_buf_append(&b, num, (size_t)n < sizeof num ? (size_t)n : sizeof num - 1);
            break;
        }
        case 'p': {
            void *ptr = va_arg(ap, void *);
            int n = snprintf(num, sizeof num, "%p", ptr);
            bt_buf_append(&b, num, (size_t)n);
            break;
        }
        case 'f':
        case 'g': {
            double d = va_arg(ap, double);
            int n = snprintf(num, sizeof num, *f == 'f' ? "%.*f" : "%.*g", prec >= 0 ? prec : 6, d);
            bt_buf_append(&b, num, (size_t)n < sizeof num ? (size_t)n : sizeof num - 1);
            break;
        }
        default:
            /* Unknown conversion: copy it literally so the mistake shows. */
            bt_buf_append(&b, spec_start, (size_t)(f - spec_start + (*f ? 1 : 0)));
            if (!*f)
                f--;
            break;
        }
    }
    return bt_buf_finish(t, &b);
}

BtStr *bt_str_format(BtThread *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    BtStr *s = bt_str_vformat(t, fmt, ap);
    va_end(ap);
    return s;
}

/* ---- method argument parsing ---- */

/* Arguments of a method named qual ("str.split") into out[0..max): positional
 * first, then keywords from kw (NULL-terminated, or NULL for none); BT_UNDEF
 * where not given. Raises CPython's TypeError in the method's style. */
static bool method_args(BtThread *t, const char *qual, int style, BtValue *args, int nargs,
                        BtTuple *kwnames, int min, int max, const char *const *kw, BtValue *out);

bool bt_method_args(BtThread *t, const char *qual, int style, BtValue *args, int nargs,
                    BtTuple *kwnames, int min, int max, const char *const *kw, BtValue *out) {
    if (!method_args(t, qual, style, args, nargs, kwnames, min, max, kw, out))
        return false;
    for (int i = 0; i < max; i++)
        out[i] = unbox_arg(t, out[i]);
    return true;
}

static bool method_args(BtThread *t, const char *qual, int style, BtValue *args, int nargs,
                        BtTuple *kwnames, int min, int max, const char *const *kw, BtValue *out) {
    int nkw = kwnames ? (int)kwnames->len : 0;
    int npos = nargs; /* keyword values follow at args[nargs..] */
    for (int i = 0; i < max; i++)
        out[i] = i < npos ? args[i] : BT_UNDEF;
    if (nkw == 0 && npos >= min && npos <= max)
        return true; /* the common case: positional arguments only */
    const char *dot = strchr(qual, '.');
    const char *name = dot ? dot + 1 : qual;
    if (nkw && !kw) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    if (npos > max || (npos < min && nkw == 0)) {
        bool few = npos < min;
        int lim = few ? min : max;
        switch (style) {
        case BT_ARGS_CLINIC:
            bt_raise(t, BT_EXC(t, TypeError), "%s expected at %s %d argument%s, got %d", name,
                     few ? "least" : "most", lim, lim == 1 ? "" : "s", npos);
            break;
        case BT_ARGS_OLD:
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes at %s %d argument%s (%d given)", name,
                     few ? "least" : "most", lim, lim == 1 ? "" : "s", npos);
            break;
        case BT_ARGS_ONE:
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes exactly one argument (%d given)", qual,
                     npos);
            break;
        default:
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments (%d given)", qual, npos);
            break;
        }
        return false;
    }
    for (int k = 0; k < nkw; k++) {
        BtStr *key = bt_as_str(kwnames->items[k]);
        int idx = -1;
        for (int i = 0; kw[i]; i++)
            if (strcmp(kw[i], key->data) == 0)
                idx = i;
        if (idx < 0 || idx >= max) {
            bt_raise(t, BT_EXC(t, TypeError), "'%S' is an invalid keyword argument for %s()", key,
                     name);
            return false;
        }
        if (!bt_is_undef(out[idx])) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "argument for %s() given by name ('%S') and position (%d)", name, key,
                     idx + 1);
            return false;
        }
        out[idx] = args[npos + k];
    }
    for (int i = 0; i < min; i++)
        if (bt_is_undef(out[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "%s() missing required argument '%s' (pos %d)", name,
                     kw ? kw[i] : "?", i + 1);
            return false;
        }
    return true;
}

/* A str argument or TypeError "<what> must be str, not X". */
static BtStr *str_arg(BtThread *t, BtValue v, const char *what) {
    if (bt_is_str(t, bt_unbox(v))) /* a str subclass's instance too */
        return bt_as_str(bt_unbox(v));
    bt_raise(t, BT_EXC(t, TypeError), "%s must be str, not %T", what, v);
    return NULL;
}

/* Normalise optional start/end (ints, None or BT_UNDEF) against len, as slices do. */
bool bt_span_args(BtThread *t, BtValue sv, BtValue ev, int64_t len, int64_t *start, int64_t *end) {
    int64_t s = 0, e = len;
    if (!bt_is_undef(sv) && !bt_is_none(sv) && !bt_int_bound(t, sv, &s))
        return false;
    if (!bt_is_undef(ev) && !bt_is_none(ev) && !bt_int_bound(t, ev, &e))
        return false;
    if (s < 0) {
        s += len;
        if (s < 0)
            s = 0;
    }
    if (e < 0) {
        e += len;
        if (e < 0)
            e = 0;
    }
    if (e > len)
        e = len;
    *start = s;
    *end = e;
    return true;
}

/* ---- slots ---- */

static BtValue str_repr_slot(BtThread *t, BtValue self) {
    return str_value(bt_str_repr(t, bt_as_str(self)));
}

static BtValue str_str_slot(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

static bool str_hash_slot(BtThread *t, BtValue self, int64_t *out) {
    (void)t;
    *out = bt_str_hash(bt_as_str(self));
    return true;
}

static BtValue str_compare(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (!bt_is_str(t, a) || !bt_is_str(t, b))
        return NOT_IMPLEMENTED(t);
    BtStr *x = bt_as_str(a), *y = bt_as_str(b);
    if (op == BT_COMPARE_EQ)
        return bt_bool(bt_str_equal(x, y));
    if (op == BT_COMPARE_NE)
        return bt_bool(!bt_str_equal(x, y));
    /* UTF-8 byte order is code point order. */
    size_t n = x->size < y->size ? x->size : y->size;
    int c = memcmp(x->data, y->data, n);
    if (c == 0)
        c = (x->size > y->size) - (x->size < y->size);
    return bt_bool(bt_compare_holds(op, c));
}

/* Does the other operand's class define the reflected operator (so we must decline)? */
static bool other_handles(BtThread *t, BtValue other, int op) {
    return bt_user_defines(t, other, t->interp->binop_names[op][1]);
}

/* s * n for a str and an int count (negative counts give ''). */
static BtValue str_repeat(BtThread *t, BtStr *s, int64_t n) {
    if (n <= 0 || s->size == 0)
        return bt_obj(BT_NAME(t, empty));
    if (n == 1)
        return bt_obj(s);
    /* CPython: a length past the largest index is an OverflowError; a
     * length that merely cannot be allocated is a MemoryError. */
    if ((uint64_t)n > (uint64_t)INT64_MAX / s->length) {
        bt_raise(t, BT_EXC(t, OverflowError), "repeated string is too long");
        return BT_UNDEF;
    }
    if ((size_t)n > BT_STR_MAX_BYTES / s->size) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    BtStr *r = str_alloc(t, s->size * (size_t)n);
    BT_POP_ROOT(t, 1);
    if (!r)
        return BT_UNDEF;
    /* Doubling copies: log(n) memcpy calls. */
    memcpy(r->data, s->data, s->size);
    size_t done = s->size, total = r->size;
    while (done < total) {
        size_t chunk = done < total - done ? done : total - done;
        memcpy(r->data + done, r->data, chunk);
        done += chunk;
    }
    r->length = s->length * (size_t)n;
    r->ascii = s->ascii;
    return bt_obj(r);
}

/* Sequence repetition count from v, or NotImplemented/error per CPython. */
static BtValue repeat_with(BtThread *t, BtValue seq, BtValue count, int op,
                           BtValue (*rep)(BtThread *, BtValue, int64_t)) {
    int64_t n;
    if (bt_is_intlike(count))
        return rep(t, seq, bt_as_int(count));
    if (bt_is_bigint(count))
        return bt_int_seq_index(t, count, &n, true) ? rep(t, seq, n) : BT_UNDEF;
    if (other_handles(t, count, op))
        return NOT_IMPLEMENTED(t);
    if (bt_is_obj(count) &&
        !bt_is_undef(bt_type_lookup(bt_type_of(t, count), BT_NAME(t, dunder_index)))) {
        if (!bt_int_index(t, count, &n))
            return BT_UNDEF;
        return rep(t, seq, n);
    }
    bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type '%T'", count);
    return BT_UNDEF;
}

static BtValue str_repeat_v(BtThread *t, BtValue s, int64_t n) {
    return str_repeat(t, bt_as_str(s), n);
}

static BtValue str_binary(BtThread *t, int op, BtValue a, BtValue b) {
    if (op >= BT_BINOP__COUNT)
        op -= BT_BINOP__COUNT;
    bool as = bt_is_str(t, a), bs = bt_is_str(t, b);
    switch (op) {
    case BT_BINOP_ADD:
        if (as && bs)
            return str_value(bt_str_concat(t, bt_as_str(a), bt_as_str(b)));
        if (!as || other_handles(t, b, op))
            return NOT_IMPLEMENTED(t);
        bt_raise(t, BT_EXC(t, TypeError), "can only concatenate str (not \"%T\") to str", b);
        return BT_UNDEF;
    case BT_BINOP_MUL:
        if (as && !bs)
            return repeat_with(t, a, b, op, str_repeat_v);
        if (bs && !as) {
            if (bt_is_intlike(a))
                return str_repeat(t, bt_as_str(b), bt_as_int(a));
            return NOT_IMPLEMENTED(t);
        }
        if (as && bs) {
            bt_raise(t, BT_EXC(t, TypeError), "can't multiply sequence by non-int of type 'str'");
            return BT_UNDEF;
        }
        return NOT_IMPLEMENTED(t);
    case BT_BINOP_MOD:
        if (as)
            return bt_str_percent(t, bt_as_str(a), b);
        return NOT_IMPLEMENTED(t);
    default:
        return NOT_IMPLEMENTED(t);
    }
}

static int64_t str_len(BtThread *t, BtValue self) {
    (void)t;
    return (int64_t)bt_as_str(self)->length;
}

static int str_truth(BtThread *t, BtValue self) {
    (void)t;
    return bt_as_str(self)->size != 0;
}

/* The code point at index i (0 <= i < length) as a new str. */
static BtStr *str_char_at(BtThread *t, BtStr *s, size_t i) {
    if (s->ascii)
        return bt_str_new_known(t, s->data + i, 1, 1);
    size_t off = bt_str_cp_offset(s, i);
    const char *p = s->data + off;
    bt_utf8_next(&p);
    return bt_str_new_known(t, s->data + off, (size_t)(p - (s->data + off)), 1);
}

static BtValue str_getitem(BtThread *t, BtValue self, BtValue key) {
    BtStr *s = bt_as_str(self);
    if (bt_is_intlike(key)) {
        int64_t i = bt_as_int(key);
        if (i < 0)
            i += (int64_t)s->length;
        if (i < 0 || i >= (int64_t)s->length) {
            bt_raise(t, BT_EXC(t, IndexError), "string index out of range");
            return BT_UNDEF;
        }
        return str_value(str_char_at(t, s, (size_t)i));
    }
    if (bt_is_slice(t, key)) {
        int64_t start, stop, step, count;
        if (!bt_slice_indices(t, key, (int64_t)s->length, &start, &stop, &step, &count))
            return BT_UNDEF;
        if (count <= 0)
            return bt_obj(BT_NAME(t, empty));
        if (step == 1) {
            size_t a = bt_str_cp_offset(s, (size_t)start);
            size_t b = (size_t)stop;
            if (!s->ascii) {
                const char *p = s->data + a;
                for (int64_t k = 0; k < count; k++)
                    bt_utf8_next(&p);
                b = (size_t)(p - s->data);
            }
            if (a == 0 && b == s->size)
                return self;
            return str_value(bt_str_new_known(t, s->data + a, b - a, (size_t)count));
        }
        BtBuf buf;
        bt_buf_init(&buf);
        if (s->ascii) {
            for (int64_t k = 0, i = start; k < count; k++, i += step)
                bt_buf_putc(&buf, s->data[i]);
        } else {
            /* Offsets of every code point, then pick. */
            size_t *offs = malloc((s->length + 1) * sizeof *offs);
            if (!offs) {
                bt_raise_memory(t);
                return BT_UNDEF;
            }
            const char *p = s->data;
            for (size_t k = 0; k <= s->length; k++) {
                offs[k] = (size_t)(p - s->data);
                if (k < s->length)
                    bt_utf8_next(&p);
            }
            for (int64_t k = 0, i = start; k < count; k++, i += step)
                bt_buf_append(&buf, s->data + offs[i], offs[i + 1] - offs[i]);
            free(offs);
        }
        return str_value(bt_buf_finish(t, &buf));
    }
    if (bt_is_obj(key) &&
        !bt_is_undef(bt_type_lookup(bt_type_of(t, key), BT_NAME(t, dunder_index)))) {
        int64_t i;
        if (!bt_int_seq_index(t, key, &i, false))
            return BT_UNDEF;
        return str_getitem(t, self, bt_int(i));
    }
    bt_raise(t, BT_EXC(t, TypeError), "string indices must be integers, not '%T'", key);
    return BT_UNDEF;
}

static int str_contains(BtThread *t, BtValue self, BtValue item) {
    if (!bt_is_str(t, item)) {
        bt_raise(t, BT_EXC(t, TypeError), "'in <string>' requires string as left operand, not %T",
                 item);
        return -1;
    }
    BtStr *s = bt_as_str(self), *sub = bt_as_str(item);
    if (sub->size == 0)
        return 1;
    return memmem(s->data, s->size, sub->data, sub->size) != NULL;
}

/* ---- iterator ---- */

typedef struct {
    BtObject hdr;
    BtStr *s;   /* NULL once exhausted */
    size_t pos; /* byte offset of the next code point */
} BtStrIter;

static void str_iter_trace(BtGc *gc, BtObject *self) {
    BtStrIter *it = (BtStrIter *)self;
    if (it->s)
        bt_gc_mark_obj(gc, &it->s->hdr);
}

static BtValue str_iter(BtThread *t, BtValue self) {
    BtStrIter *it = bt_gc_alloc(t, BT_TYPE(t, str_iter), sizeof(BtStrIter));
    if (!it)
        return BT_UNDEF;
    it->s = bt_as_str(self);
    it->pos = 0;
    return bt_obj(it);
}

static BtValue str_iter_next(BtThread *t, BtValue self) {
    BtStrIter *it = (BtStrIter *)bt_as_obj(self);
    BtStr *s = it->s;
    if (!s || it->pos >= s->size) {
        it->s = NULL;
        return BT_UNDEF;
    }
    const char *p = s->data + it->pos;
    bt_utf8_next(&p);
    size_t n = (size_t)(p - (s->data + it->pos));
    BtStr *c = bt_str_new_known(t, s->data + it->pos, n, 1);
    if (!c)
        return BT_UNDEF;
    it->pos += n;
    return bt_obj(c);
}

static BtValue iter_self(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

/* ---- encode / construct ---- */

/* Lower-case an encoding name and fold '_' to '-' into out; false if too long. */
static bool norm_encoding(const char *enc, char *out, size_t cap) {
    size_t n = strlen(enc);
    if (n + 1 > cap)
        return false;
    for (size_t i = 0; i <= n; i++) {
        char c = enc[i];
        out[i] = c == '_' ? '-' : (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    return true;
}

/* Which codec: 0 utf-8, 1 ascii, 2 latin-1, -1 unknown. */
static int codec_of(const char *enc) {
    char n[32];
    if (!enc)
        return 0;
    if (!norm_encoding(enc, n, sizeof n))
        return -1;
    if (!strcmp(n, "utf-8") || !strcmp(n, "utf8") || !strcmp(n, "u8"))
        return 0;
    if (!strcmp(n, "ascii") || !strcmp(n, "us-ascii") || !strcmp(n, "646"))
        return 1;
    if (!strcmp(n, "latin-1") || !strcmp(n, "latin1") || !strcmp(n, "iso-8859-1") ||
        !strcmp(n, "iso8859-1") || !strcmp(n, "l1") || !strcmp(n, "8859") || !strcmp(n, "cp819") ||
        !strcmp(n, "latin"))
        return 2;
    return -1;
}

static const char *codec_name(int codec) {
    return codec == 0 ? "utf-8" : codec == 1 ? "ascii" : "latin-1";
}

/* One unencodable code point as CPython's encode errors show it ('\xe9', '\u20ac'). */
static void cp_repr(uint32_t c, char *out, size_t cap) {
    snprintf(out, cap, c < 0x100 ? "'\\x%02x'" : c < 0x10000 ? "'\\u%04x'" : "'\\U%08x'", c);
}

BtValue bt_str_encode(BtThread *t, BtStr *s, const char *enc, const char *errors) {
    int codec = codec_of(enc);
    if (codec < 0) {
        bt_raise(t, BT_EXC(t, LookupError), "unknown encoding: %s", enc);
        return BT_UNDEF;
    }
    if (codec == 0 || s->ascii) {
        BtBytes *b = bt_bytes_new(t, (const uint8_t *)s->data, s->size);
        return b ? bt_obj(b) : BT_UNDEF;
    }
    uint32_t limit = codec == 1 ? 0x80 : 0x100;
    BtBuf b;
    bt_buf_init(&b);
    const char *p = s->data, *end = s->data + s->size;
    size_t pos = 0;
    bool strict = !errors || !strcmp(errors, "strict");
    while (p < end) {
        uint32_t c = bt_utf8_next(&p);
        if (c < limit) {
            bt_buf_putc(&b, (char)c);
        } else if (strict) {
            /* CPython reports the whole run of unencodable characters. */
            size_t stop = pos + 1;
            const char *q = p;
            while (q < end) {
                const char *r = q;
                if (bt_utf8_next(&r) < limit)
                    break;
                q = r;
                stop++;
            }
            bt_buf_free(&b);
            if (stop - pos == 1) {
                char esc[16];
                cp_repr(c, esc, sizeof esc);
                bt_raise(t, BT_EXC(t, UnicodeEncodeError),
                         "'%s' codec can't encode character %s in position %zu: ordinal not in "
                         "range(%u)",
                         codec_name(codec), esc, pos, limit);
            } else {
                bt_raise(t, BT_EXC(t, UnicodeEncodeError),
                         "'%s' codec can't encode characters in position %zu-%zu: ordinal not in "
                         "range(%u)",
                         codec_name(codec), pos, stop - 1, limit);
            }
            return BT_UNDEF;
        } else if (!strcmp(errors, "ignore")) {
        } else if (!strcmp(errors, "replace")) {
            bt_buf_putc(&b, '?');
        } else if (!strcmp(errors, "backslashreplace")) {
            char esc[16];
            snprintf(esc, sizeof esc,
                     c < 0x100     ? "\\x%02x"
                     : c < 0x10000 ? "\\u%04x"
                                   : "\\U%08x",
                     c);
            bt_buf_puts(&b, esc);
        } else {
            bt_buf_free(&b);
            bt_raise(t, BT_EXC(t, LookupError), "unknown error handler name '%s'", errors);
            return BT_UNDEF;
        }
        pos++;
    }
    BtBytes *r = bt_buf_finish_bytes(t, &b);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* An optional str argument as a C string (NULL when absent); false if not a str. */
static bool opt_cstr(BtThread *t, BtValue v, const char *fname, int pos, const char *what,
                     const char **out) {
    *out = NULL;
    if (bt_is_undef(v))
        return true;
    if (!bt_is_str(t, bt_unbox(v))) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() argument %d must be str, not %T", fname, pos, v);
        (void)what;
        return false;
    }
    *out = bt_as_str(bt_unbox(v))->data;
    return true;
}

static BtValue str_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)type;
    static const char *const kw[] = {"object", "encoding", "errors", NULL};
    if (nargs == 1 && !kwnames)
        return bt_str(t, args[0]);
    BtValue a[3];
    if (!margs(t, "str", BT_ARGS_OLD, args, nargs, kwnames, 0, 3, kw, a))
        return BT_UNDEF;
    if (bt_is_undef(a[1]) && bt_is_undef(a[2]))
        return bt_is_undef(a[0]) ? bt_obj(BT_NAME(t, empty)) : bt_str(t, a[0]);
    const char *enc, *errors;
    if (!opt_cstr(t, a[1], "str", 2, "encoding", &enc) ||
        !opt_cstr(t, a[2], "str", 3, "errors", &errors))
        return BT_UNDEF;
    if (bt_is_undef(a[0]))
        return bt_obj(BT_NAME(t, empty));
    BtByteView b;
    if (!bt_byte_view(t, a[0], &b)) {
        bt_raise(t, BT_EXC(t, TypeError), "decoding to str: need a bytes-like object, %T found",
                 a[0]);
        return BT_UNDEF;
    }
    return bt_bytes_decode(t, b.data, b.size, enc, errors);
}

/* ---- methods ---- */

#define METHOD(name)                                                                               \
    static BtValue name(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames)

/* The receiver as a str, or TypeError for an unbound call on something else. */
#define SELF_STR(s, mname)                                                                         \
    if (!bt_is_str(t, self)) {                                                                     \
        bt_raise(t, BT_EXC(t, TypeError),                                                          \
                 "descriptor '" mname "' for 'str' objects doesn't apply to a '%T' object", self); \
        return BT_UNDEF;                                                                           \
    }                                                                                              \
    BtStr *s = bt_as_str(self)

/* Build a list of substrings of s given as byte spans [starts[i], ends[i]),
 * kept in a small inline array until they outgrow it. */
#define SPANS_INLINE 32

typedef struct {
    size_t *v;
    size_t n, cap;
    size_t inline_v[SPANS_INLINE];
} Spans;

static void spans_init(Spans *sp) {
    sp->v = sp->inline_v;
    sp->n = 0;
    sp->cap = SPANS_INLINE;
}

static void spans_free(Spans *sp) {
    if (sp->v != sp->inline_v)
        free(sp->v);
}

static bool spans_add(Spans *sp, size_t a, size_t b) {
    if (sp->n + 2 > sp->cap) {
        size_t cap = sp->cap * 2;
        size_t *v = sp->v == sp->inline_v ? malloc(cap * sizeof *v)
                                          : realloc(sp->v, cap * sizeof *v);
        if (!v)
            return false;
        if (sp->v == sp->inline_v)
            memcpy(v, sp->inline_v, sp->n * sizeof *v);
        sp->v = v;
        sp->cap = cap;
    }
    sp->v[sp->n++] = a;
    sp->v[sp->n++] = b;
    return true;
}

/* The spans as a list of strs (reversed order when rev), freeing the spans. */
static BtValue spans_to_list(BtThread *t, BtStr *s, Spans *sp, bool rev, bool oom) {
    if (oom) {
        spans_free(sp);
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    size_t n = sp->n / 2;
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    BtList *l = bt_list_with_capacity(t, n);
    BtValue lv = l ? bt_obj(l) : BT_UNDEF;
    BT_PUSH_ROOT(t, &lv);
    for (size_t i = 0; l && i < n; i++) {
        size_t k = rev ? n - 1 - i : i;
        size_t a = sp->v[2 * k], b = sp->v[2 * k + 1];
        BtStr *part;
        if (a == 0 && b == s->size)
            part = s;
        else
            part = s->ascii ? bt_str_new_known(t, s->data + a, b - a, b - a)
                            : bt_str_new(t, s->data + a, b - a);
        if (!part)
            lv = BT_UNDEF, l = NULL;
        else
            l->items[l->len++] = bt_obj(part); /* within the capacity asked for */
    }
    BT_POP_ROOT(t, 2);
    spans_free(sp);
    return lv;
}

/* Length in bytes of the whitespace code point at p (0 if not whitespace). */
static size_t space_at(const char *p, const char *end) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x80)
        return bt_uc_isspace(c) ? 1 : 0;
    const char *q = p;
    uint32_t cp = bt_utf8_next(&q);
    (void)end;
    return bt_uc_isspace(cp) ? (size_t)(q - p) : 0;
}

/* Length of the whitespace code point ending just before p (0 if none). */
static size_t space_before(const char *start, const char *p) {
    const char *q = p - 1;
    while (q > start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    return space_at(q, p) == (size_t)(p - q) ? (size_t)(p - q) : 0;
}

static BtValue do_split(BtThread *t, BtStr *s, BtValue sepv, BtValue maxv, bool right) {
    int64_t maxsplit = -1;
    if (!bt_is_undef(maxv) && !bt_int_index(t, maxv, &maxsplit))
        return BT_UNDEF;
    if (maxsplit < 0)
        maxsplit = INT64_MAX;
    Spans sp;
    spans_init(&sp);
    bool oom = false;
    const char *d = s->data, *end = s->data + s->size;
    if (bt_is_undef(sepv) || bt_is_none(sepv)) {
        if (!right) {
            const char *p = d;
            while (!oom) {
                size_t w;
                while (p < end && (w = space_at(p, end)))
                    p += w;
                if (p >= end)
                    break;
                if (maxsplit-- == 0) {
                    /* The rest, trailing whitespace and all, is the last part. */
                    oom = !spans_add(&sp, (size_t)(p - d), s->size);
                    break;
                }
                const char *q = p;
                while (q < end && !space_at(q, end)) {
                    q++;
                    while (q < end && ((unsigned char)*q & 0xC0) == 0x80)
                        q++;
                }
                oom = !spans_add(&sp, (size_t)(p - d), (size_t)(q - d));
                p = q;
            }
        } else {
            const char *e = end;
            while (!oom) {
                size_t w;
                while (e > d && (w = space_before(d, e)))
                    e -= w;
                if (e <= d)
                    break;
                if (maxsplit-- == 0) {
                    oom = !spans_add(&sp, 0, (size_t)(e - d));
                    break;
                }
                const char *q = e;
                while (q > d && !space_before(d, q)) {
                    q--;
                    while (q > d && ((unsigned char)*q & 0xC0) == 0x80)
                        q--;
                }
                oom = !spans_add(&sp, (size_t)(q - d), (size_t)(e - d));
                e = q;
            }
        }
        return spans_to_list(t, s, &sp, right, oom);
    }
    if (!bt_is_str(t, sepv)) {
        bt_raise(t, BT_EXC(t, TypeError), "must be str or None, not %T", sepv);
        return BT_UNDEF;
    }
    BtStr *sep = bt_as_str(sepv);
    if (sep->size == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "empty separator");
        return BT_UNDEF;
    }
    if (!right) {
        const char *p = d;
        while (!oom) {
            const char *hit = maxsplit <= 0     ? NULL
                              : sep->size == 1 ? memchr(p, sep->data[0], (size_t)(end - p))
                                               : memmem(p, (size_t)(end - p), sep->data, sep->size);
            if (!hit) {
                oom = !spans_add(&sp, (size_t)(p - d), s->size);
                break;
            }
            oom = !spans_add(&sp, (size_t)(p - d), (size_t)(hit - d));
            p = hit + sep->size;
            maxsplit--;
        }
    } else {
        const char *e = end;
        while (!oom) {
            const char *hit = NULL;
            if (maxsplit > 0)
                for (const char *q = e - sep->size; q >= d; q--)
                    if (memcmp(q, sep->data, sep->size) == 0) {
                        hit = q;
                        break;
                    }
            if (!hit) {
                oom = !spans_add(&sp, 0, (size_t)(e - d));
                break;
            }
            oom = !spans_add(&sp, (size_t)(hit + sep->size - d), (size_t)(e - d));
            e = hit;
            maxsplit--;
        }
    }
    return spans_to_list(t, s, &sp, right, oom);
}

static const char *const split_kw[] = {"sep", "maxsplit", NULL};

METHOD(str_split) {
    SELF_STR(s, "split");
    BtValue a[2];
    if (!margs(t, "str.split", BT_ARGS_OLD, args, nargs, kwnames, 0, 2, split_kw, a))
        return BT_UNDEF;
    return do_split(t, s, a[0], a[1], false);
}

METHOD(str_rsplit) {
    SELF_STR(s, "rsplit");
    BtValue a[2];
    if (!margs(t, "str.rsplit", BT_ARGS_OLD, args, nargs, kwnames, 0, 2, split_kw, a))
        return BT_UNDEF;
    return do_split(t, s, a[0], a[1], true);
}

METHOD(str_splitlines) {
    SELF_STR(s, "splitlines");
    static const char *const kw[] = {"keepends", NULL};
    BtValue a[1];
    if (!margs(t, "str.splitlines", BT_ARGS_OLD, args, nargs, kwnames, 0, 1, kw, a))
        return BT_UNDEF;
    int keep = 0;
    if (!bt_is_undef(a[0]) && (keep = bt_truthy(t, a[0])) < 0)
        return BT_UNDEF;
    Spans sp;
    spans_init(&sp);
    bool oom = false;
    const char *d = s->data, *p = d, *end = d + s->size, *line = d;
    while (p < end && !oom) {
        const char *q = p;
        uint32_t c = bt_utf8_next(&q);
        bool brk = c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
                   c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
        if (brk) {
            const char *after = q;
            if (c == '\r' && after < end && *after == '\n')
                after++;
            oom = !spans_add(&sp, (size_t)(line - d), (size_t)((keep ? after : p) - d));
            line = after;
            q = after;
        }
        p = q;
    }
    if (!oom && line < end)
        oom = !spans_add(&sp, (size_t)(line - d), s->size);
    return spans_to_list(t, s, &sp, false, oom);
}

METHOD(str_join) {
    SELF_STR(sep, "join");
    BtValue a[1];
    if (!margs(t, "str.join", BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    BtValue seq = a[0];
    BtValue tmp = BT_UNDEF;
    const BtValue *items;
    size_t n;
    if (bt_is_list(t, seq)) {
        items = bt_as_list(seq)->items;
        n = bt_as_list(seq)->len;
    } else if (bt_is_tuple(t, seq)) {
        items = bt_as_tuple(seq)->items;
        n = bt_as_tuple(seq)->len;
    } else {
        BtValue it = bt_iter(t, seq);
        if (bt_is_undef(it)) {
            if (bt_exc_pending_is(t, BT_EXC(t, TypeError))) {
                bt_take_exc(t);
                bt_raise(t, BT_EXC(t, TypeError), "can only join an iterable");
            }
            return BT_UNDEF;
        }
        BT_PUSH_ROOT(t, &it);
        BtList *l = bt_list_from_iterable(t, it);
        BT_POP_ROOT(t, 1);
        if (!l)
            return BT_UNDEF;
        tmp = bt_obj(l);
        items = l->items;
        n = l->len;
    }
    BT_PUSH_ROOT(t, &tmp);
    size_t total = 0, length = 0;
    bool ascii = sep->ascii;
    for (size_t i = 0; i < n; i++) {
        BtValue item = bt_unbox(items[i]); /* instances of str subclasses join too */
        if (!bt_is_str(t, item)) {
            BT_POP_ROOT(t, 1);
            bt_raise(t, BT_EXC(t, TypeError), "sequence item %zu: expected str instance, %T found",
                     i, items[i]);
            return BT_UNDEF;
        }
        BtStr *x = bt_as_str(item);
        total += x->size;
        length += x->length;
        ascii &= x->ascii;
    }
    if (n == 1) {
        BT_POP_ROOT(t, 1);
        return bt_unbox(items[0]);
    }
    if (n > 1) {
        total += sep->size * (n - 1);
        length += sep->length * (n - 1);
    }
    /* The list might be mutated by nothing here: no Python code runs below. */
    BtStr *r = str_alloc(t, total);
    BT_POP_ROOT(t, 1);
    if (!r)
        return BT_UNDEF;
    /* Re-read items: a collection does not move objects, and the list was rooted. */
    if (bt_is_list(t, seq))
        items = bt_as_list(seq)->items;
    else if (!bt_is_undef(tmp))
        items = bt_as_list(tmp)->items;
    char *o = r->data;
    for (size_t i = 0; i < n; i++) {
        if (i) {
            copy_bytes(o, sep->data, sep->size);
            o += sep->size;
        }
        BtStr *x = bt_as_str(bt_unbox(items[i]));
        copy_bytes(o, x->data, x->size);
        o += x->size;
    }
    r->length = length;
    r->ascii = ascii;
    return bt_obj(r);
}

/* Is the code point q[0..len) one of chars' code points? (UTF-8 is self-synchronising,
 * so any byte match of a whole code point is aligned.) */
static bool cp_in(const BtStr *chars, const char *q, size_t len) {
    return memmem(chars->data, chars->size, q, len) != NULL;
}

/* Strip code points in chars (whitespace when chars is NULL) from the ends. */
static BtValue do_strip(BtThread *t, BtValue self, BtValue charsv, bool left, bool right,
                        const char *name) {
    BtStr *s = bt_as_str(self);
    BtStr *chars = NULL;
    if (!bt_is_undef(charsv) && !bt_is_none(charsv)) {
        if (!bt_is_str(t, charsv)) {
            bt_raise(t, BT_EXC(t, TypeError), "%s arg must be None or str", name);
            return BT_UNDEF;
        }
        chars = bt_as_str(charsv);
    }
    const char *d = s->data, *p = d, *e = d + s->size;
    if (left) {
        while (p < e) {
            const char *q = p;
            bt_utf8_next(&q);
            size_t len = (size_t)(q - p);
            if (!(chars ? cp_in(chars, p, len) : space_at(p, e) == len))
                break;
            p = q;
        }
    }
    if (right) {
        while (e > p) {
            const char *q = e - 1;
            while (q > p && ((unsigned char)*q & 0xC0) == 0x80)
                q--;
            size_t len = (size_t)(e - q);
            if (!(chars ? cp_in(chars, q, len) : space_at(q, e) == len))
                break;
            e = q;
        }
    }
    if (p == d && e == d + s->size)
        return self;
    return str_value(bt_str_new(t, p, (size_t)(e - p)));
}

METHOD(str_strip) {
    SELF_STR(s, "strip");
    (void)s;
    BtValue a[1];
    if (!margs(t, "str.strip", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, NULL, a))
        return BT_UNDEF;
    return do_strip(t, self, a[0], true, true, "strip");
}

METHOD(str_lstrip) {
    SELF_STR(s, "lstrip");
    (void)s;
    BtValue a[1];
    if (!margs(t, "str.lstrip", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, NULL, a))
        return BT_UNDEF;
    return do_strip(t, self, a[0], true, false, "lstrip");
}

METHOD(str_rstrip) {
    SELF_STR(s, "rstrip");
    (void)s;
    BtValue a[1];
    if (!margs(t, "str.rstrip", BT_ARGS_CLINIC, args, nargs, kwnames, 0, 1, NULL, a))
        return BT_UNDEF;
    return do_strip(t, self, a[0], false, true, "rstrip");
}

enum { CASE_UPPER, CASE_LOWER, CASE_SWAP, CASE_TITLE, CASE_CAPITALIZE };

/* upper(), lower(), swapcase(), title(), capitalize(). */
static BtValue do_case(BtThread *t, BtStr *s, int mode) {
    if (s->ascii && (mode == CASE_UPPER || mode == CASE_LOWER)) {
        BtValue sv = bt_obj(s);
        BT_PUSH_ROOT(t, &sv);
        BtStr *r = str_alloc(t, s->size);
        BT_POP_ROOT(t, 1);
        if (!r)
            return BT_UNDEF;
        /* c - first < 26 (unsigned) tests first <= c <= first + 25 in one compare. */
        unsigned char first = mode == CASE_UPPER ? 'a' : 'A';
        for (size_t i = 0; i < s->size; i++) {
            unsigned char c = (unsigned char)s->data[i];
            r->data[i] = (char)((unsigned char)(c - first) < 26 ? c ^ 0x20 : c);
        }
        r->length = s->length;
        r->ascii = true;
        return bt_obj(r);
    }
    BtBuf b;
    bt_buf_init(&b);
    const char *p = s->data, *end = s->data + s->size;
    bool prev_cased = false, first = true;
    while (p < end) {
        uint32_t c = bt_utf8_next(&p);
        uint8_t f = cp_flags(c);
        bool cased = (f & (BT_UC_UPPER | BT_UC_LOWER)) != 0;
        switch (mode) {
        case CASE_UPPER:
            put_case(&b, c, true);
            break;
        case CASE_LOWER:
            put_case(&b, c, false);
            break;
        case CASE_SWAP:
            if (f & BT_UC_UPPER)
                put_case(&b, c, false);
            else if (f & BT_UC_LOWER)
                put_case(&b, c, true);
            else
                bt_buf_put_cp(&b, c);
            break;
        case CASE_TITLE:
            put_case(&b, c, !prev_cased);
            prev_cased = cased;
            break;
        default:
            put_case(&b, c, first);
            break;
        }
        first = false;
    }
    return str_value(bt_buf_finish(t, &b));
}

METHOD(str_upper) {
    SELF_STR(s, "upper");
    if (!margs(t, "str.upper", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_case(t, s, CASE_UPPER);
}

METHOD(str_lower) {
    SELF_STR(s, "lower");
    if (!margs(t, "str.lower", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_case(t, s, CASE_LOWER);
}

/* Case folds that are not the lower case (Unicode's CaseFolding.txt, the
 * entries people meet: sharp s, long s, final sigma, ligatures...). */
static const struct {
    uint32_t cp;
    const char *fold;
} special_folds[] = {
    {0x00DF, "ss"}, {0x1E9E, "ss"}, {0x017F, "s"}, {0x03C2, "\u03c3"}, {0x0149, "\u02bcn"},
    {0x01F0, "j\u030c"}, {0x0345, "\u03b9"}, {0x03D0, "\u03b2"}, {0x03D1, "\u03b8"},
    {0x03D5, "\u03c6"}, {0x03D6, "\u03c0"}, {0x03F0, "\u03ba"}, {0x03F1, "\u03c1"},
    {0x03F5, "\u03b5"}, {0x1E9B, "\u1e61"}, {0xFB00, "ff"}, {0xFB01, "fi"}, {0xFB02, "fl"},
    {0xFB03, "ffi"}, {0xFB04, "ffl"}, {0xFB05, "st"}, {0xFB06, "st"},
};

METHOD(str_casefold) {
    SELF_STR(s, "casefold");
    if (!margs(t, "str.casefold", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    BtValue lower = do_case(t, s, CASE_LOWER);
    if (bt_is_undef(lower) || bt_as_str(lower)->ascii)
        return lower;
    BtStr *low = bt_as_str(lower);
    BtBuf b;
    bt_buf_init(&b);
    const char *p = low->data, *end = low->data + low->size;
    while (p < end) {
        const char *at = p;
        uint32_t c = bt_utf8_next(&p);
        const char *fold = NULL;
        for (size_t i = 0; i < sizeof special_folds / sizeof special_folds[0]; i++)
            if (special_folds[i].cp == c)
                fold = special_folds[i].fold;
        if (fold)
            bt_buf_puts(&b, fold);
        else
            bt_buf_append(&b, at, (size_t)(p - at));
    }
    BtStr *r = bt_buf_finish(t, &b);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* s.translate(table): each character's code point looked up in table; a
 * LookupError keeps it, None drops it, an int or str replaces it. */
METHOD(str_translate) {
    SELF_STR(s, "translate");
    BtValue a[1];
    if (!margs(t, "translate", BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    BtBuf b;
    bt_buf_init(&b);
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        const char *at = p;
        uint32_t c = bt_utf8_next(&p);
        BtValue v = bt_getitem(t, a[0], bt_int(c));
        if (bt_is_undef(v)) {
            if (!bt_exc_pending_is(t, BT_EXC(t, LookupError))) {
                bt_buf_free(&b);
                return BT_UNDEF;
            }
            bt_take_exc(t);
            bt_buf_append(&b, at, (size_t)(p - at));
        } else if (bt_is_none(v)) {
            continue;
        } else if (bt_is_intlike(v)) {
            int64_t cp = bt_as_int(v);
            if (cp < 0 || cp > 0x10FFFF) {
                bt_buf_free(&b);
                bt_raise(t, BT_EXC(t, ValueError), "character mapping must be in range(0x110000)");
                return BT_UNDEF;
            }
            bt_buf_put_cp(&b, (uint32_t)cp);
        } else if (bt_is_str(t, v)) {
            bt_buf_append(&b, bt_as_str(v)->data, bt_as_str(v)->size);
        } else {
            bt_buf_free(&b);
            bt_raise(t, BT_EXC(t, TypeError), "character mapping must return integer, None or str");
            return BT_UNDEF;
        }
    }
    BtStr *r = bt_buf_finish(t, &b);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* The code point of a one-character str, or -1. */
static int64_t single_cp(BtValue v) {
    BtStr *k = bt_as_str(v);
    if (k->length != 1)
        return -1;
    const char *q = k->data;
    return bt_utf8_next(&q);
}

/* str.maketrans(x[, y[, z]]): the dict that str.translate takes. */
static BtValue str_maketrans(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    BtValue a[3];
    if (!margs(t, "maketrans", BT_ARGS_OLD, args, nargs, kwnames, 1, 3, NULL, a))
        return BT_UNDEF;
    BtDict *d = bt_dict_new(t);
    if (!d)
        return BT_UNDEF;
    BtValue dv = bt_obj(d);
    BT_PUSH_ROOT(t, &dv);
    bool ok = true;
    if (bt_is_undef(a[1])) {
        if (!(bt_is_obj(a[0]) && bt_isinstance(t, a[0], BT_TYPE(t, dict)))) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "if you give only one argument to maketrans it must be a dict");
            ok = false;
        }
        size_t pos = 0;
        BtValue k, v;
        while (ok && bt_dict_next((BtDict *)bt_as_obj(a[0]), &pos, &k, &v)) {
            if (bt_is_str(t, k)) {
                int64_t cp = single_cp(k);
                if (cp < 0) {
                    bt_raise(t, BT_EXC(t, ValueError),
                             "string keys in translate table must be of length 1");
                    ok = false;
                    break;
                }
                k = bt_int(cp);
            } else if (!bt_is_intlike(k)) {
                bt_raise(t, BT_EXC(t, TypeError), "keys in translate table must be strings or integers");
                ok = false;
                break;
            }
            ok = bt_dict_set(t, d, k, v);
        }
    } else {
        if (!bt_is_str(t, a[0]) || !bt_is_str(t, a[1])) {
            bt_raise(t, BT_EXC(t, TypeError), "maketrans() argument %d must be str, not %T",
                     bt_is_str(t, a[0]) ? 2 : 1, bt_is_str(t, a[0]) ? a[1] : a[0]);
            ok = false;
        } else if (bt_as_str(a[0])->length != bt_as_str(a[1])->length) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "the first two maketrans arguments must have equal length");
            ok = false;
        }
        const char *x = ok ? bt_as_str(a[0])->data : "", *y = ok ? bt_as_str(a[1])->data : "";
        const char *xend = x + (ok ? bt_as_str(a[0])->size : 0);
        while (ok && x < xend) {
            uint32_t from = bt_utf8_next(&x), to = bt_utf8_next(&y);
            ok = bt_dict_set(t, d, bt_int(from), bt_int(to));
        }
        if (ok && !bt_is_undef(a[2])) {
            if (!bt_is_str(t, a[2])) {
                bt_raise(t, BT_EXC(t, TypeError), "maketrans() argument 3 must be str, not %T", a[2]);
                ok = false;
            }
            const char *z = ok ? bt_as_str(a[2])->data : "";
            const char *zend = z + (ok ? bt_as_str(a[2])->size : 0);
            while (ok && z < zend)
                ok = bt_dict_set(t, d, bt_int(bt_utf8_next(&z)), BT_NONE);
        }
    }
    BT_POP_ROOT(t, 1);
    return ok ? dv : BT_UNDEF;
}

METHOD(str_swapcase) {
    SELF_STR(s, "swapcase");
    if (!margs(t, "str.swapcase", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_case(t, s, CASE_SWAP);
}

METHOD(str_title) {
    SELF_STR(s, "title");
    if (!margs(t, "str.title", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_case(t, s, CASE_TITLE);
}

METHOD(str_capitalize) {
    SELF_STR(s, "capitalize");
    if (!margs(t, "str.capitalize", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_case(t, s, CASE_CAPITALIZE);
}

/* The is*() predicates: every code point has one of the `any` flags (and,
 * for isupper/islower, the cased rule). */
static BtValue do_is(BtThread *t, BtStr *s, uint8_t want, bool empty_result) {
    (void)t;
    if (s->size == 0)
        return bt_bool(empty_result);
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        uint32_t c = bt_utf8_next(&p);
        if (!(cp_flags(c) & want))
            return BT_FALSE;
    }
    return BT_TRUE;
}

/* isupper()/islower(): at least one cased character, none of the other case. */
static BtValue do_is_case(BtStr *s, uint8_t want, uint8_t other) {
    const char *p = s->data, *end = s->data + s->size;
    bool seen = false;
    while (p < end) {
        uint8_t f = cp_flags(bt_utf8_next(&p));
        if (f & other)
            return BT_FALSE;
        seen |= (f & want) != 0;
    }
    return bt_bool(seen);
}

#define IS_METHOD(cname, pyname, flags, empty)                                                     \
    METHOD(cname) {                                                                                \
        SELF_STR(s, pyname);                                                                       \
        if (!margs(t, "str." pyname, BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))        \
            return BT_UNDEF;                                                                       \
        return do_is(t, s, (flags), (empty));                                                      \
    }

IS_METHOD(str_isdigit, "isdigit", BT_UC_DIGIT, false)
IS_METHOD(str_isdecimal, "isdecimal", BT_UC_DECIMAL, false)
IS_METHOD(str_isnumeric, "isnumeric", BT_UC_NUMERIC, false)
IS_METHOD(str_isalpha, "isalpha", BT_UC_ALPHA, false)
IS_METHOD(str_isspace, "isspace", BT_UC_SPACE, false)
IS_METHOD(str_isalnum, "isalnum", BT_UC_ALPHA | BT_UC_DECIMAL | BT_UC_DIGIT | BT_UC_NUMERIC, false)
IS_METHOD(str_isprintable, "isprintable", BT_UC_PRINTABLE, true)

METHOD(str_isupper) {
    SELF_STR(s, "isupper");
    if (!margs(t, "str.isupper", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_is_case(s, BT_UC_UPPER, BT_UC_LOWER);
}

METHOD(str_islower) {
    SELF_STR(s, "islower");
    if (!margs(t, "str.islower", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return do_is_case(s, BT_UC_LOWER, BT_UC_UPPER);
}

METHOD(str_isascii) {
    SELF_STR(s, "isascii");
    if (!margs(t, "str.isascii", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    return bt_bool(s->ascii);
}

METHOD(str_isidentifier) {
    SELF_STR(s, "isidentifier");
    if (!margs(t, "str.isidentifier", BT_ARGS_NONE, args, nargs, kwnames, 0, 0, NULL, NULL))
        return BT_UNDEF;
    /* Approximates XID_Start/XID_Continue by letters, digits and '_'. */
    const char *p = s->data, *end = s->data + s->size;
    if (p == end)
        return BT_FALSE;
    bool first = true;
    while (p < end) {
        uint32_t c = bt_utf8_next(&p);
        uint8_t f = cp_flags(c);
        bool ok = c == '_' || (f & BT_UC_ALPHA) || (!first && (f & BT_UC_DECIMAL));
        if (!ok)
            return BT_FALSE;
        first = false;
    }
    return BT_TRUE;
}

METHOD(str_replace) {
    SELF_STR(s, "replace");
    BtValue a[3];
    if (!margs(t, "str.replace", BT_ARGS_CLINIC, args, nargs, kwnames, 2, 3, NULL, a))
        return BT_UNDEF;
    BtStr *old = str_arg(t, a[0], "replace() argument 1");
    if (!old)
        return BT_UNDEF;
    BtStr *new = str_arg(t, a[1], "replace() argument 2");
    if (!new)
        return BT_UNDEF;
    int64_t count = -1;
    if (!bt_is_undef(a[2]) && !bt_int_index(t, a[2], &count))
        return BT_UNDEF;
    if (count < 0)
        count = INT64_MAX;
    BtBuf b;
    bt_buf_init(&b);
    const char *p = s->data, *end = s->data + s->size;
    bool changed = false;
    if (old->size == 0) {
        /* Insert new before every code point and at the end. */
        while (count > 0) {
            bt_buf_append(&b, new->data, new->size);
            changed = true;
            count--;
            if (p >= end)
                break;
            const char *q = p;
            bt_utf8_next(&q);
            bt_buf_append(&b, p, (size_t)(q - p));
            p = q;
        }
    } else {
        while (count > 0) {
            const char *hit = memmem(p, (size_t)(end - p), old->data, old->size);
            if (!hit)
                break;
            bt_buf_append(&b, p, (size_t)(hit - p));
            bt_buf_append(&b, new->data, new->size);
            p = hit + old->size;
            changed = true;
            count--;
        }
    }
    if (!changed) {
        bt_buf_free(&b);
        return self;
    }
    bt_buf_append(&b, p, (size_t)(end - p));
    return str_value(bt_buf_finish(t, &b));
}

/* Byte range of code point span [start, end) of s (end >= start). */
static void byte_span(const BtStr *s, int64_t start, int64_t end, size_t *bs, size_t *be) {
    *bs = bt_str_cp_offset(s, (size_t)start);
    *be = bt_str_cp_offset(s, (size_t)end);
}

/* startswith/endswith of one str within byte range [bs, be). */
static bool affix_match(const BtStr *s, size_t bs, size_t be, const BtStr *x, bool end) {
    if (x->size > be - bs)
        return false;
    const char *at = end ? s->data + be - x->size : s->data + bs;
    return memcmp(at, x->data, x->size) == 0;
}

static BtValue do_affix(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                        bool end, const char *name) {
    BtStr *s = bt_as_str(self);
    BtValue a[3];
    if (!margs(t, name, BT_ARGS_OLD, args, nargs, kwnames, 1, 3, NULL, a))
        return BT_UNDEF;
    int64_t start, stop;
    if (!bt_span_args(t, a[1], a[2], (int64_t)s->length, &start, &stop))
        return BT_UNDEF;
    const char *pyname = strchr(name, '.') + 1;
    bool is_tuple = bt_is_tuple(t, a[0]);
    if (!is_tuple && !bt_is_str(t, a[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "%s first arg must be str or a tuple of str, not %T",
                 pyname, a[0]);
        return BT_UNDEF;
    }
    if (start > (int64_t)s->length)
        return BT_FALSE;
    if (stop < start)
        stop = start;
    size_t bs, be;
    byte_span(s, start, stop, &bs, &be);
    if (!is_tuple)
        return bt_bool(affix_match(s, bs, be, bt_as_str(a[0]), end));
    BtTuple *tu = bt_as_tuple(a[0]);
    for (size_t i = 0; i < tu->len; i++) {
        if (!bt_is_str(t, tu->items[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "tuple for %s must only contain str, not %T", pyname,
                     tu->items[i]);
            return BT_UNDEF;
        }
        if (affix_match(s, bs, be, bt_as_str(tu->items[i]), end))
            return BT_TRUE;
    }
    return BT_FALSE;
}

METHOD(str_startswith) {
    SELF_STR(s, "startswith");
    if (nargs == 1 && !kwnames && bt_is_str(t, args[0]))
        return bt_bool(affix_match(s, 0, s->size, bt_as_str(args[0]), false));
    return do_affix(t, self, args, nargs, kwnames, false, "str.startswith");
}

METHOD(str_endswith) {
    SELF_STR(s, "endswith");
    if (nargs == 1 && !kwnames && bt_is_str(t, args[0]))
        return bt_bool(affix_match(s, 0, s->size, bt_as_str(args[0]), true));
    return do_affix(t, self, args, nargs, kwnames, true, "str.endswith");
}

enum { FIND_FIND, FIND_RFIND, FIND_INDEX, FIND_RINDEX, FIND_COUNT };

/* find/rfind/index/rindex/count(sub[, start[, end]]). */
static BtValue do_find(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                       int mode, const char *name) {
    BtStr *s = bt_as_str(self);
    BtValue a[3];
    if (!margs(t, name, BT_ARGS_OLD, args, nargs, kwnames, 1, 3, NULL, a))
        return BT_UNDEF;
    BtStr *sub = str_arg(t, a[0], "must be");
    if (!sub) {
        bt_take_exc(t);
        bt_raise(t, BT_EXC(t, TypeError), "must be str, not %T", a[0]);
        return BT_UNDEF;
    }
    int64_t start, stop;
    if (!bt_span_args(t, a[1], a[2], (int64_t)s->length, &start, &stop))
        return BT_UNDEF;
    int64_t result = -1;
    if (start <= (int64_t)s->length && stop >= start) {
        size_t bs, be;
        byte_span(s, start, stop, &bs, &be);
        const char *d = s->data;
        if (mode == FIND_COUNT) {
            if (sub->size == 0)
                return bt_int(stop - start + 1);
            int64_t n = 0;
            const char *p = d + bs, *end = d + be;
            const char *hit;
            while ((hit = memmem(p, (size_t)(end - p), sub->data, sub->size))) {
                n++;
                p = hit + sub->size;
            }
            return bt_int(n);
        }
        const char *hit = NULL;
        if (mode == FIND_FIND || mode == FIND_INDEX) {
            hit = memmem(d + bs, be - bs, sub->data, sub->size);
        } else if (sub->size <= be - bs) {
            for (const char *q = d + be - sub->size;; q--) {
                if (memcmp(q, sub->data, sub->size) == 0) {
                    hit = q;
                    break;
                }
                if (q == d + bs)
                    break;
            }
        }
        if (hit)
            result = (int64_t)str_cp_index(s, (size_t)(hit - d));
    } else if (mode == FIND_COUNT) {
        return bt_int(0);
    }
    if (result < 0 && (mode == FIND_INDEX || mode == FIND_RINDEX)) {
        bt_raise(t, BT_EXC(t, ValueError), "substring not found");
        return BT_UNDEF;
    }
    return bt_int(result);
}

METHOD(str_find) {
    SELF_STR(s, "find");
    (void)s;
    return do_find(t, self, args, nargs, kwnames, FIND_FIND, "str.find");
}
METHOD(str_rfind) {
    SELF_STR(s, "rfind");
    (void)s;
    return do_find(t, self, args, nargs, kwnames, FIND_RFIND, "str.rfind");
}
METHOD(str_index) {
    SELF_STR(s, "index");
    (void)s;
    return do_find(t, self, args, nargs, kwnames, FIND_INDEX, "str.index");
}
METHOD(str_rindex) {
    SELF_STR(s, "rindex");
    (void)s;
    return do_find(t, self, args, nargs, kwnames, FIND_RINDEX, "str.rindex");
}
METHOD(str_count) {
    SELF_STR(s, "count");
    (void)s;
    return do_find(t, self, args, nargs, kwnames, FIND_COUNT, "str.count");
}

/* The fill character argument of ljust/rjust/center as UTF-8 bytes. */
static bool fill_arg(BtThread *t, BtValue v, char *fill, size_t *fill_len) {
    if (bt_is_undef(v)) {
        fill[0] = ' ';
        *fill_len = 1;
        return true;
    }
    if (!bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "The fill character must be a unicode character, not %T",
                 v);
        return false;
    }
    BtStr *f = bt_as_str(v);
    if (f->length != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "The fill character must be exactly one character long");
        return false;
    }
    memcpy(fill, f->data, f->size);
    *fill_len = f->size;
    return true;
}

/* s padded to width with left and right fill counts. */
static BtValue pad(BtThread *t, BtValue self, size_t left, size_t right, const char *fill,
                   size_t fill_len) {
    BtStr *s = bt_as_str(self);
    if (left == 0 && right == 0)
        return self;
    BtBuf b;
    bt_buf_init(&b);
    /* A width too big to allocate fails here at once (MemoryError), unfilled. */
    bt_buf_repeat(&b, fill, fill_len, left);
    bt_buf_append(&b, s->data, s->size);
    bt_buf_repeat(&b, fill, fill_len, right);
    return str_value(bt_buf_finish(t, &b));
}

enum { JUST_LEFT, JUST_RIGHT, JUST_CENTER };

static BtValue do_just(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                       int mode, const char *name) {
    BtStr *s = bt_as_str(self);
    BtValue a[2];
    if (!margs(t, name, BT_ARGS_CLINIC, args, nargs, kwnames, 1, 2, NULL, a))
        return BT_UNDEF;
    int64_t width;
    if (!bt_int_index(t, a[0], &width))
        return BT_UNDEF;
    char fill[4];
    size_t fill_len;
    if (!fill_arg(t, a[1], fill, &fill_len))
        return BT_UNDEF;
    if (width <= (int64_t)s->length)
        return self;
    size_t marg = (size_t)width - s->length;
    switch (mode) {
    case JUST_LEFT:
        return pad(t, self, 0, marg, fill, fill_len);
    case JUST_RIGHT:
        return pad(t, self, marg, 0, fill, fill_len);
    default: {
        /* CPython's rounding: the extra fill goes left when marg and width are both odd. */
        size_t left = marg / 2 + (marg & (size_t)width & 1);
        return pad(t, self, left, marg - left, fill, fill_len);
    }
    }
}

METHOD(str_ljust) {
    SELF_STR(s, "ljust");
    (void)s;
    return do_just(t, self, args, nargs, kwnames, JUST_LEFT, "str.ljust");
}
METHOD(str_rjust) {
    SELF_STR(s, "rjust");
    (void)s;
    return do_just(t, self, args, nargs, kwnames, JUST_RIGHT, "str.rjust");
}
METHOD(str_center) {
    SELF_STR(s, "center");
    (void)s;
    return do_just(t, self, args, nargs, kwnames, JUST_CENTER, "str.center");
}

METHOD(str_zfill) {
    SELF_STR(s, "zfill");
    BtValue a[1];
    if (!margs(t, "str.zfill", BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    int64_t width;
    if (!bt_int_index(t, a[0], &width))
        return BT_UNDEF;
    if (width <= (int64_t)s->length)
        return self;
    size_t fill = (size_t)width - s->length;
    BtBuf b;
    bt_buf_init(&b);
    size_t skip = 0;
    if (s->size && (s->data[0] == '+' || s->data[0] == '-')) {
        bt_buf_putc(&b, s->data[0]);
        skip = 1;
    }
    bt_buf_fill(&b, '0', fill);
    bt_buf_append(&b, s->data + skip, s->size - skip);
    return str_value(bt_buf_finish(t, &b));
}

/* A 3-tuple of substrings of s by byte offsets: [0,a) [a,b) [b,size). */
static BtValue triple(BtThread *t, BtStr *s, size_t a, size_t b, BtStr *sep) {
    BtValue items[3] = {BT_NONE, BT_NONE, BT_NONE};
    BtValue sv = bt_obj(s);
    BT_PUSH_ROOT(t, &sv);
    BT_PUSH_ROOT(t, &items[0]);
    BT_PUSH_ROOT(t, &items[1]);
    BT_PUSH_ROOT(t, &items[2]);
    BtValue result = BT_UNDEF;
    BtStr *x = bt_str_new(t, s->data, a);
    if (x) {
        items[0] = bt_obj(x);
        x = sep ? sep : bt_str_new(t, s->data + a, b - a);
    }
    if (x) {
        items[1] = bt_obj(x);
        x = bt_str_new(t, s->data + b, s->size - b);
    }
    if (x) {
        items[2] = bt_obj(x);
        BtTuple *tu = bt_tuple_from(t, items, 3);
        if (tu)
            result = bt_obj(tu);
    }
    BT_POP_ROOT(t, 4);
    return result;
}

static BtValue do_partition(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames,
                            bool right, const char *name) {
    BtStr *s = bt_as_str(self);
    BtValue a[1];
    if (!margs(t, name, BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    if (!bt_is_str(t, a[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "must be str, not %T", a[0]);
        return BT_UNDEF;
    }
    BtStr *sep = bt_as_str(a[0]);
    if (sep->size == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "empty separator");
        return BT_UNDEF;
    }
    const char *hit = NULL;
    if (!right) {
        hit = memmem(s->data, s->size, sep->data, sep->size);
    } else if (sep->size <= s->size) {
        for (const char *q = s->data + s->size - sep->size;; q--) {
            if (memcmp(q, sep->data, sep->size) == 0) {
                hit = q;
                break;
            }
            if (q == s->data)
                break;
        }
    }
    if (!hit)
        return right ? triple(t, s, 0, 0, NULL) : triple(t, s, s->size, s->size, NULL);
    size_t at = (size_t)(hit - s->data);
    return triple(t, s, at, at + sep->size, sep);
}

METHOD(str_partition) {
    SELF_STR(s, "partition");
    (void)s;
    return do_partition(t, self, args, nargs, kwnames, false, "str.partition");
}
METHOD(str_rpartition) {
    SELF_STR(s, "rpartition");
    (void)s;
    return do_partition(t, self, args, nargs, kwnames, true, "str.rpartition");
}

static BtValue do_remove_affix(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames, bool suffix, const char *name) {
    BtStr *s = bt_as_str(self);
    BtValue a[1];
    if (!margs(t, name, BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    BtStr *x = str_arg(t, a[0], suffix ? "removesuffix() argument" : "removeprefix() argument");
    if (!x)
        return BT_UNDEF;
    if (x->size == 0 || !affix_match(s, 0, s->size, x, suffix))
        return self;
    return str_value(suffix ? bt_str_new(t, s->data, s->size - x->size)
                            : bt_str_new(t, s->data + x->size, s->size - x->size));
}

METHOD(str_removeprefix) {
    SELF_STR(s, "removeprefix");
    (void)s;
    return do_remove_affix(t, self, args, nargs, kwnames, false, "str.removeprefix");
}
METHOD(str_removesuffix) {
    SELF_STR(s, "removesuffix");
    (void)s;
    return do_remove_affix(t, self, args, nargs, kwnames, true, "str.removesuffix");
}

METHOD(str_encode) {
    SELF_STR(s, "encode");
    static const char *const kw[] = {"encoding", "errors", NULL};
    BtValue a[2];
    if (!margs(t, "str.encode", BT_ARGS_OLD, args, nargs, kwnames, 0, 2, kw, a))
        return BT_UNDEF;
    const char *enc, *errors;
    if (!opt_cstr(t, a[0], "encode", 1, "encoding", &enc) ||
        !opt_cstr(t, a[1], "encode", 2, "errors", &errors))
        return BT_UNDEF;
    return bt_str_encode(t, s, enc, errors);
}

METHOD(str_format) {
    SELF_STR(s, "format");
    return bt_str_format_method(t, s, args, nargs, kwnames);
}

METHOD(str_dunder_format) {
    SELF_STR(s, "__format__");
    (void)s;
    BtValue a[1];
    if (!margs(t, "str.__format__", BT_ARGS_ONE, args, nargs, kwnames, 1, 1, NULL, a))
        return BT_UNDEF;
    if (!bt_is_str(t, a[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__() argument must be str, not %T", a[0]);
        return BT_UNDEF;
    }
    return bt_format_value(t, self, bt_as_str(a[0]));
}

METHOD(str_expandtabs) {
    SELF_STR(s, "expandtabs");
    static const char *const kw[] = {"tabsize", NULL};
    BtValue a[1];
    if (!margs(t, "str.expandtabs", BT_ARGS_OLD, args, nargs, kwnames, 0, 1, kw, a))
        return BT_UNDEF;
    int64_t tab = 8;
    if (!bt_is_undef(a[0]) && !bt_int_index(t, a[0], &tab))
        return BT_UNDEF;
    if (tab > INT32_MAX || tab < INT32_MIN) { /* CPython takes a C int */
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        return BT_UNDEF;
    }
    BtBuf b;
    bt_buf_init(&b);
    size_t col = 0;
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        const char *q = p;
        uint32_t c = bt_utf8_next(&q);
        if (c == '\t') {
            if (tab > 0) {
                size_t n = (size_t)tab - col % (size_t)tab;
                bt_buf_fill(&b, ' ', n);
                col += n;
            }
        } else {
            bt_buf_append(&b, p, (size_t)(q - p));
            col = (c == '\n' || c == '\r') ? 0 : col + 1;
        }
        p = q;
    }
    return str_value(bt_buf_finish(t, &b));
}

static const BtNativeDef str_methods[] = {
    {"join", str_join},
    {"split", str_split},
    {"rsplit", str_rsplit},
    {"splitlines", str_splitlines},
    {"strip", str_strip},
    {"lstrip", str_lstrip},
    {"rstrip", str_rstrip},
    {"upper", str_upper},
    {"lower", str_lower},
    {"casefold", str_casefold},
    {"translate", str_translate},
    {"swapcase", str_swapcase},
    {"title", str_title},
    {"capitalize", str_capitalize},
    {"replace", str_replace},
    {"startswith", str_startswith},
    {"endswith", str_endswith},
    {"find", str_find},
    {"rfind", str_rfind},
    {"index", str_index},
    {"rindex", str_rindex},
    {"count", str_count},
    {"format", str_format},
    {"__format__", str_dunder_format},
    {"encode", str_encode},
    {"isdigit", str_isdigit},
    {"isdecimal", str_isdecimal},
    {"isnumeric", str_isnumeric},
    {"isalpha", str_isalpha},
    {"isspace", str_isspace},
    {"isalnum", str_isalnum},
    {"isupper", str_isupper},
    {"islower", str_islower},
    {"isascii", str_isascii},
    {"isidentifier", str_isidentifier},
    {"isprintable", str_isprintable},
    {"ljust", str_ljust},
    {"rjust", str_rjust},
    {"center", str_center},
    {"zfill", str_zfill},
    {"partition", str_partition},
    {"rpartition", str_rpartition},
    {"removeprefix", str_removeprefix},
    {"removesuffix", str_removesuffix},
    {"expandtabs", str_expandtabs},
    {NULL, NULL},
};

bool bt_str_init_types(BtThread *t) {
    BtType *st = BT_TYPE(t, str);
    st->instance_size = sizeof(BtStr);
    st->repr = str_repr_slot;
    st->str = str_str_slot;
    st->hash = str_hash_slot;
    st->compare = str_compare;
    st->binary = str_binary;
    st->len = str_len;
    st->truth = str_truth;
    st->getitem = str_getitem;
    st->contains = str_contains;
    st->iter = str_iter;
    st->construct = str_construct;
    if (!bt_type_add_methods(t, st, str_methods) ||
        !bt_type_add_static(t, st, "maketrans", str_maketrans, false))
        return false;

    BtType *it = BT_TYPE(t, str_iter);
    it->instance_size = sizeof(BtStrIter);
    it->iter = iter_self;
    it->next = str_iter_next;
    it->trace = str_iter_trace;
    return bt_bytes_init_types(t);
}
