/* strformat.c: format(v, spec), f-string specs, str.format and `%` (vm stage).
 *
 * The format-spec mini-language ([[fill]align][sign][z][#][0][width][,_][.prec][type])
 * is parsed once into a Spec and applied by one formatter per built-in type;
 * other objects go through their __format__. Digits come from the C library
 * (correctly rounded %e/%f) and are laid out by Python's rules here: signs,
 * prefixes, grouping (zero padding is grouped too), alignment and fill.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"

typedef struct {
    uint32_t fill; /* fill code point */
    char align;    /* '<', '>', '^', '=' or 0 when not given */
    char sign;     /* '+', '-', ' ' or 0 */
    bool z;        /* negative zero coercion */
    bool alt;      /* '#' */
    bool zero;     /* '0' before the width */
    bool zero_align; /* align is '=' only because of the '0' (no align was given) */
    int64_t width; /* -1 when not given */
    char group;    /* ',', '_' or 0 */
    int64_t prec;  /* -1 when not given */
    char type;     /* conversion type, or 0 */
} Spec;

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Read the decimal digits at *pp (advancing it) into *out, as CPython's
 * get_integer does for indexes, widths and precisions: a number past the
 * largest index is a ValueError, never a wrapped-around int. */
static bool read_count(BtThread *t, const char **pp, const char *end, int64_t *out) {
    const char *p = *pp;
    int64_t n = 0;
    for (; p < end && is_digit(*p); p++) {
        int digit = *p - '0';
        if (n > (INT64_MAX - digit) / 10) {
            bt_raise(t, BT_EXC(t, ValueError), "Too many decimal digits in format string");
            return false;
        }
        n = n * 10 + digit;
    }
    *pp = p;
    *out = n;
    return true;
}

/* Parse a format spec for v (v only names the type in messages). */
static bool parse_spec(BtThread *t, BtStr *spec, BtValue v, Spec *s) {
    memset(s, 0, sizeof *s);
    s->fill = ' ';
    s->width = -1;
    s->prec = -1;
    const char *p = spec->data, *end = spec->data + spec->size;
    bool fill_given = false;
    if (p < end) {
        const char *q = p;
        uint32_t c = bt_utf8_next(&q);
        if (q < end && strchr("<>=^", *q)) {
            s->fill = c;
            s->align = *q;
            p = q + 1;
            fill_given = true;
        } else if (strchr("<>=^", *p)) {
            s->align = *p++;
        }
    }
    if (p < end && (*p == '+' || *p == '-' || *p == ' '))
        s->sign = *p++;
    if (p < end && *p == 'z') {
        s->z = true;
        p++;
    }
    if (p < end && *p == '#') {
        s->alt = true;
        p++;
    }
    if (p < end && *p == '0') {
        s->zero = true;
        p++;
    }
    if (p < end && is_digit(*p) && !read_count(t, &p, end, &s->width))
        return false;
    if (p < end && (*p == ',' || *p == '_')) {
        s->group = *p++;
        if (p < end && (*p == ',' || *p == '_')) {
            bt_raise(t, BT_EXC(t, ValueError), "Cannot specify both ',' and '_'.");
            return false;
        }
    }
    if (p < end && *p == '.') {
        p++;
        if (p == end || !is_digit(*p)) {
            bt_raise(t, BT_EXC(t, ValueError), "Format specifier missing precision");
            return false;
        }
        if (!read_count(t, &p, end, &s->prec))
            return false;
    }
    if (end - p > 1) {
        bt_raise(t, BT_EXC(t, ValueError), "Invalid format specifier '%S' for object of type '%T'",
                 spec, v);
        return false;
    }
    if (p < end)
        s->type = *p;
    /* '0' is the fill unless one was given (3.10+: with any alignment). */
    if (s->zero && !fill_given)
        s->fill = '0';
    if (s->zero && !s->align) {
        s->align = '=';
        s->zero_align = true;
    }
    if (s->group && s->type && !strchr("deEfFgG%", s->type) &&
        !(s->group == '_' && strchr("boxX", s->type))) {
        bt_raise(t, BT_EXC(t, ValueError), "Cannot specify '%c' with '%c'.", s->group, s->type);
        return false;
    }
    return true;
}

static size_t count_cps(const char *p, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)p[i] & 0xC0) != 0x80;
    return k;
}

/* n copies of the fill code point; a width too big to allocate sets oom at
 * once instead of looping (the caller's bt_buf_finish raises MemoryError). */
static void put_fill(BtBuf *b, uint32_t fill, size_t n) {
    BtBuf unit;
    bt_buf_init(&unit);
    bt_buf_put_cp(&unit, fill);
    bt_buf_repeat(b, unit.data, unit.len, n);
}

/* Lay out prefix (sign, 0x) and body in the spec's width with its fill and
 * alignment; '=' puts the fill between them. */
static void emit(BtBuf *b, const Spec *s, char default_align, const char *prefix, size_t plen,
                 const char *body, size_t blen) {
    size_t cps = plen + count_cps(body, blen);
    size_t pad = s->width > 0 && (size_t)s->width > cps ? (size_t)s->width - cps : 0;
    char align = s->align ? s->align : default_align;
    size_t left = 0, right = 0;
    switch (align) {
    case '<':
        right = pad;
        break;
    case '^':
        left = pad / 2;
        right = pad - left;
        break;
    default:
        left = pad;
        break;
    }
    if (align == '=') {
        bt_buf_append(b, prefix, plen);
        put_fill(b, s->fill, left);
    } else {
        put_fill(b, s->fill, left);
        bt_buf_append(b, prefix, plen);
    }
    bt_buf_append(b, body, blen);
    put_fill(b, s->fill, right);
}

/* Append digits[0..n) grouped by sep every `every` digits from the right;
 * when min_len > 0, lead with zeros (grouped too) until the text is that long. */
static void put_grouped(BtBuf *b, const char *digits, size_t n, char sep, int every,
                        size_t min_len) {
    size_t total = n;
    if (sep && min_len > total) {
        /* The fewest digits whose grouped length, total + (total - 1) / every,
         * reaches min_len: start just below it and step up (a step or two). */
        size_t guess = min_len - min_len / ((size_t)every + 1);
        total = guess > 1 && guess - 1 > n ? guess - 1 : n;
        while (total + (total - 1) / (size_t)every < min_len)
            total++;
    } else if (total < min_len) {
        total = min_len;
    }
    if (total > BT_STR_MAX_BYTES || (sep && total + total / (size_t)every > BT_STR_MAX_BYTES)) {
        /* too long to allocate: MemoryError when the text is finished */
        b->oom = true;
        return;
    }
    for (size_t i = 0; i < total; i++) {
        size_t from_right = total - i;
        char c = i < total - n ? '0' : digits[i - (total - n)];
        bt_buf_putc(b, c);
        if (sep && from_right > 1 && (from_right - 1) % (size_t)every == 0)
            bt_buf_putc(b, sep);
    }
}

/* Does this spec zero-pad through the grouping (fill '0' with '=')? */
static bool zero_grouped(const Spec *s) {
    return s->group && s->align == '=' && s->fill == '0' && s->width > 0;
}

static bool format_int(BtThread *t, BtBuf *out, BtValue v, const Spec *s, BtValue orig);
static bool format_float(BtThread *t, BtBuf *out, double d, const Spec *s, BtValue orig);

static bool format_int(BtThread *t, BtBuf *out, BtValue v, const Spec *s, BtValue orig) {
    char type = s->type ? s->type : 'd';
    if (strchr("eEfFgG%", type)) {
        double d;
        return bt_int_to_double(t, v, &d) && format_float(t, out, d, s, orig);
    }
    if (!strchr("dnbBoxXc", type) || type == 'B') {
        bt_raise(t, BT_EXC(t, ValueError), "Unknown format code '%c' for object of type '%T'", type,
                 orig);
        return false;
    }
    if (s->prec >= 0) {
        bt_raise(t, BT_EXC(t, ValueError), "Precision not allowed in integer format specifier");
        return false;
    }
    if (s->z) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "Negative zero coercion (z) not allowed in integer format specifier");
        return false;
    }
    if (type == 'c') {
        if (s->sign) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "Sign not allowed with integer format specifier 'c'");
            return false;
        }
        if (s->alt) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "Alternate form (#) not allowed with integer format specifier 'c'");
            return false;
        }
        if (bt_int_is_huge(v)) {
            bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C long");
            return false;
        }
        if (bt_is_bigint(v) || bt_as_int(v) < 0 || bt_as_int(v) > 0x10FFFF) {
            bt_raise(t, BT_EXC(t, OverflowError), "%%c arg not in range(0x110000)");
            return false;
        }
        BtBuf ch;
        bt_buf_init(&ch);
        bt_buf_put_cp(&ch, (uint32_t)bt_as_int(v));
        emit(out, s, '>', "", 0, ch.data, ch.len); /* ints align right, chars too */
        bt_buf_free(&ch);
        return true;
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    BtBuf digits;
    bt_buf_init(&digits);
    if (!bt_int_append_digits(t, &digits, v, base, type == 'X')) {
        bt_buf_free(&digits);
        return false;
    }
    char prefix[4];
    size_t plen = 0;
    if (bt_int_sign(v) < 0)
        prefix[plen++] = '-';
    else if (s->sign == '+' || s->sign == ' ')
        prefix[plen++] = s->sign;
    if (s->alt && base != 10) {
        prefix[plen++] = '0';
        prefix[plen++] = type == 'b' ? 'b' : type == 'o' ? 'o' : type;
    }
    BtBuf body;
    bt_buf_init(&body);
    size_t min_len = zero_grouped(s) && (size_t)s->width > plen ? (size_t)s->width - plen : 0;
    put_grouped(&body, digits.data, digits.len, s->group, base == 10 ? 3 : 4, min_len);
    emit(out, s, '>', prefix, plen, body.data, body.len);
    out->oom |= body.oom | digits.oom; /* too long: the caller's bt_buf_finish raises MemoryError */
    bt_buf_free(&body);
    bt_buf_free(&digits);
    return true;
}

/* A double's exact decimal expansion has at most 767 significant digits and
 * 1074 after the point, so digits asked for beyond these are zeros: they are
 * appended, not computed, and a precision of a billion costs a memset. */
#define EXACT_SIG_DIGITS 800
#define EXACT_FRAC_DIGITS 1100

/* Significant digits and decimal exponent of |d| rounded to ndig digits (%e);
 * ndig <= EXACT_SIG_DIGITS. */
static void sci_digits(double d, int ndig, char *digits, int *nd, int *exp10) {
    char tmp[EXACT_SIG_DIGITS + 16];
    snprintf(tmp, sizeof tmp, "%.*e", ndig - 1, fabs(d));
    int n = 0;
    const char *p = tmp;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[n++] = *p;
    digits[n] = '\0';
    *nd = n;
    *exp10 = atoi(p + 1);
}

/* The 'g'-style layout of |d| with `prec` significant digits: fixed when
 * -4 <= exp < limit, else scientific; trailing zeros dropped unless keep. */
static void general(BtBuf *b, double d, int prec, int limit, bool keep, bool add_dot0, bool upper) {
    char exact[EXACT_SIG_DIGITS + 8];
    int nd0, e;
    sci_digits(d, prec < EXACT_SIG_DIGITS ? prec : EXACT_SIG_DIGITS, exact, &nd0, &e);
    BtBuf dg;
    bt_buf_init(&dg);
    bt_buf_append(&dg, exact, (size_t)nd0);
    if (keep && prec > nd0)
        bt_buf_fill(&dg, '0', (size_t)(prec - nd0));
    if (dg.oom) {
        b->oom = true;
        return;
    }
    const char *digits = dg.data;
    size_t nd = dg.len;
    if (!keep)
        while (nd > 1 && digits[nd - 1] == '0')
            nd--;
    if (e >= -4 && e < limit) {
        int64_t point = (int64_t)e + 1;
        if (point <= 0) {
            bt_buf_puts(b, "0.");
            bt_buf_fill(b, '0', (size_t)-point);
            bt_buf_append(b, digits, nd);
        } else if ((size_t)point >= nd) {
            bt_buf_append(b, digits, nd);
            bt_buf_fill(b, '0', (size_t)point - nd);
            if (keep)
                bt_buf_putc(b, '.');
            else if (add_dot0)
                bt_buf_puts(b, ".0");
        } else {
            bt_buf_append(b, digits, (size_t)point);
            bt_buf_putc(b, '.');
            bt_buf_append(b, digits + point, nd - (size_t)point);
        }
    } else {
        bt_buf_putc(b, digits[0]);
        if (nd > 1 || keep)
            bt_buf_putc(b, '.');
        bt_buf_append(b, digits + 1, nd - 1);
        char ex[16];
        snprintf(ex, sizeof ex, "%c%c%02d", upper ? 'E' : 'e', e < 0 ? '-' : '+', e < 0 ? -e : e);
        bt_buf_puts(b, ex);
    }
    bt_buf_free(&dg);
}

/* printf of one double with a C format and precision into b (any length). */
static void put_printf(BtBuf *b, const char *cfmt, int prec, double d) {
    char small[128];
    int n = snprintf(small, sizeof small, cfmt, prec, d);
    if (n < 0) {
        b->oom = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        bt_buf_append(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = true;
        return;
    }
    snprintf(big, (size_t)n + 1, cfmt, prec, d);
    bt_buf_append(b, big, (size_t)n);
    free(big);
}

/* |d| (finite) with prec digits after the point ('f'). */
static void put_fixed(BtBuf *b, double d, int prec, bool alt) {
    int exact = prec < EXACT_FRAC_DIGITS ? prec : EXACT_FRAC_DIGITS;
    put_printf(b, alt ? "%#.*f" : "%.*f", exact, d);
    bt_buf_fill(b, '0', (size_t)(prec - exact));
}

/* |d| (finite) in scientific notation with prec digits after the point ('e'). */
static void put_sci(BtBuf *b, double d, int prec, bool alt, bool upper) {
    if (prec < EXACT_SIG_DIGITS) {
        put_printf(b, alt ? (upper ? "%#.*E" : "%#.*e") : (upper ? "%.*E" : "%.*e"), prec, d);
        return;
    }
    char digits[EXACT_SIG_DIGITS + 8];
    int nd, e;
    sci_digits(d, EXACT_SIG_DIGITS, digits, &nd, &e);
    bt_buf_putc(b, digits[0]);
    bt_buf_putc(b, '.');
    bt_buf_append(b, digits + 1, (size_t)(nd - 1));
    bt_buf_fill(b, '0', (size_t)(prec - (nd - 1)));
    char ex[16];
    snprintf(ex, sizeof ex, "%c%c%02d", upper ? 'E' : 'e', e < 0 ? '-' : '+', e < 0 ? -e : e);
    bt_buf_puts(b, ex);
}

static bool format_float(BtThread *t, BtBuf *out, double d, const Spec *s, BtValue orig) {
    char type = s->type;
    if (type && !strchr("eEfFgGn%", type)) {
        bt_raise(t, BT_EXC(t, ValueError), "Unknown format code '%c' for object of type '%T'", type,
                 orig);
        return false;
    }
    if (s->prec > INT_MAX) {
        bt_raise(t, BT_EXC(t, ValueError), "precision too big");
        return false;
    }
    if (type == 'n' && s->group) {
        bt_raise(t, BT_EXC(t, ValueError), "Cannot specify '%c' with 'n'.", s->group);
        return false;
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    int prec = s->prec < 0 ? 6 : (int)s->prec;
    double a = fabs(d);
    BtBuf body;
    bt_buf_init(&body);
    if (type == '%')
        a *= 100;
    if (isnan(d) || isinf(d)) {
        bt_buf_puts(&body, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    } else {
        switch (type) {
        case 0:
            if (s->prec < 0) {
                char r[48];
                size_t n = bt_float_repr(a, r, sizeof r);
                bt_buf_append(&body, r, n);
            } else {
                general(&body, a, prec ? prec : 1, prec, s->alt, true, false);
            }
            break;
        case 'e':
        case 'E':
            put_sci(&body, a, prec, s->alt, upper);
            break;
        case 'f':
        case 'F':
        case '%':
            put_fixed(&body, a, prec, s->alt);
            if (type == '%')
                bt_buf_putc(&body, '%');
            break;
        default: /* g G n */
            general(&body, a, prec ? prec : 1, prec ? prec : 1, s->alt, false, upper);
            break;
        }
    }
    bool neg = signbit(d) && !isnan(d);
    if (neg && s->z) {
        /* 'z': a result that rounds to zero loses its minus sign. */
        bool all_zero = true;
        for (size_t i = 0; i < body.len; i++) {
            char c = body.data[i];
            if (c == 'e' || c == 'E')
                break;
            if (c >= '1' && c <= '9')
                all_zero = false;
        }
        neg = !all_zero;
    }
    char prefix[2];
    size_t plen = 0;
    if (neg)
        prefix[plen++] = '-';
    else if (s->sign == '+' || s->sign == ' ')
        prefix[plen++] = s->sign;
    bool ok = !body.oom;
    if (ok && s->group && !isnan(d) && !isinf(d)) {
        /* Group the integer part; the rest (fraction, exponent, %) follows. */
        size_t intlen = 0;
        while (intlen < body.len && is_digit(body.data[intlen]))
            intlen++;
        size_t rest = body.len - intlen;
        size_t min_len = 0;
        if (zero_grouped(s) && (size_t)s->width > plen + rest)
            min_len = (size_t)s->width - plen - rest;
        BtBuf g;
        bt_buf_init(&g);
        put_grouped(&g, body.data, intlen, s->group, 3, min_len);
        bt_buf_append(&g, body.data + intlen, rest);
        emit(out, s, '>', prefix, plen, g.data, g.len);
        ok = !g.oom;
        bt_buf_free(&g);
    } else if (ok) {
        emit(out, s, '>', prefix, plen, body.data, body.len);
    }
    bt_buf_free(&body);
    if (!ok) {
        bt_raise_memory(t);
        return false;
    }
    return true;
}

static bool format_str(BtThread *t, BtBuf *out, BtStr *str, const Spec *s, BtValue orig) {
    if (s->type && s->type != 's') {
        bt_raise(t, BT_EXC(t, ValueError), "Unknown format code '%c' for object of type '%T'",
                 s->type, orig);
        return false;
    }
    if (s->sign) {
        bt_raise(t, BT_EXC(t, ValueError), "Sign not allowed in string format specifier");
        return false;
    }
    if (s->alt) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "Alternate form (#) not allowed in string format specifier");
        return false;
    }
    if (s->group) {
        bt_raise(t, BT_EXC(t, ValueError), "Cannot specify '%c' with 's'.", s->group);
        return false;
    }
    Spec sp = *s;
    if (s->align == '=') {
        /* The '0' flag alone means left-aligned zero fill for strings. */
        if (!s->zero_align) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "'=' alignment not allowed in string format specifier");
            return false;
        }
        sp.align = '<';
    }
    size_t n = str->size;
    if (s->prec >= 0 && (size_t)s->prec < str->length)
        n = bt_str_cp_offset(str, (size_t)s->prec);
    emit(out, &sp, '<', "", 0, str->data, n);
    return true;
}

/* Is v's __format__ a user-defined one (a class statement's method)? */
static BtValue user_format(BtThread *t, BtValue v) {
    if (!bt_is_obj(v))
        return BT_UNDEF;
    BtType *tp = bt_type_of(t, v);
    if (!(tp->flags & BT_TYPE_HEAPTYPE))
        return BT_UNDEF;
    BtValue m = bt_type_lookup(tp, BT_NAME(t, dunder_format));
    if (bt_is_undef(m) || (bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, native)))
        return BT_UNDEF;
    return m;
}

/* format(v, spec) appended to out. */
static bool format_into(BtThread *t, BtBuf *out, BtValue v, BtStr *spec) {
    bool empty = !spec || spec->size == 0;
    Spec s;
    switch (bt_kind(v)) {
    case BT_V_INT:
        if (empty) {
            char buf[24];
            char *p = buf + sizeof buf;
            uint64_t mag = bt_as_i64(v) < 0 ? (uint64_t)0 - (uint64_t)bt_as_i64(v) : (uint64_t)bt_as_i64(v);
            do {
                *--p = (char)('0' + mag % 10);
                mag /= 10;
            } while (mag);
            if (bt_as_i64(v) < 0)
                *--p = '-';
            bt_buf_append(out, p, (size_t)(buf + sizeof buf - p));
            return true;
        }
        return parse_spec(t, spec, v, &s) && format_int(t, out, v, &s, v);
    case BT_V_BOOL:
        if (empty) {
            bt_buf_puts(out, bt_as_bool(v) ? "True" : "False");
            return true;
        }
        return parse_spec(t, spec, v, &s) && format_int(t, out, bt_int(bt_as_bool(v)), &s, v);
    case BT_V_FLOAT:
        if (empty) {
            char buf[48];
            bt_buf_append(out, buf, bt_float_repr(bt_as_f64(v), buf, sizeof buf));
            return true;
        }
        return parse_spec(t, spec, v, &s) && format_float(t, out, bt_as_f64(v), &s, v);
    case BT_V_NONE:
        if (empty) {
            bt_buf_puts(out, "None");
            return true;
        }
        bt_raise(t, BT_EXC(t, TypeError),
                 "unsupported format string passed to NoneType.__format__");
        return false;
    default:
        break;
    }
    if (bt_is_str(t, v)) {
        if (empty) {
            bt_buf_append(out, bt_as_str(v)->data, bt_as_str(v)->size);
            return true;
        }
        return parse_spec(t, spec, v, &s) && format_str(t, out, bt_as_str(v), &s, v);
    }
    if (bt_is_bigint(v)) {
        if (empty) {
            if (bt_int_sign(v) < 0)
                bt_buf_putc(out, '-');
            return bt_int_append_digits(t, out, v, 10, false);
        }
        return parse_spec(t, spec, v, &s) && format_int(t, out, v, &s, v);
    }
    BtValue m = user_format(t, v);
    BtValue r;
    if (!bt_is_undef(m)) {
        BtValue args[2] = {v, spec ? bt_obj(spec) : bt_obj(BT_NAME(t, empty))};
        r = bt_call(t, m, args, 2, NULL);
        if (bt_is_undef(r))
            return false;
        if (!bt_is_str(t, r)) {
            bt_raise(t, BT_EXC(t, TypeError), "__format__ must return a str, not %T", r);
            return false;
        }
    } else if (empty) {
        r = bt_str(t, v);
        if (bt_is_undef(r))
            return false;
    } else if (bt_is_boxed(v)) {
        /* A subclass of int, float or str: the built-in's __format__ on its value. */
        return format_into(t, out, bt_unbox(v), spec);
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "unsupported format string passed to %s.__format__",
                 bt_type_name(t, v));
        return false;
    }
    bt_buf_append(out, bt_as_str(r)->data, bt_as_str(r)->size);
    return true;
}

BtValue bt_format_value(BtThread *t, BtValue v, BtStr *spec) {
    if (!spec || spec->size == 0) {
        if (bt_is_str(t, v))
            return v;
        if (bt_is_int(v)) /* format(n, "") is str(n) */
            return bt_str(t, v);
    }
    BtBuf b;
    bt_buf_init(&b);
    if (!format_into(t, &b, v, spec)) {
        bt_buf_free(&b);
        return BT_UNDEF;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- str.format ---- */

/* ascii(): repr with every non-ASCII code point escaped. */
BtValue bt_str_ascii(BtThread *t, BtValue v) {
    BtValue r = bt_repr(t, v);
    if (bt_is_undef(r) || bt_as_str(r)->ascii)
        return r;
    BtBuf b;
    bt_buf_init(&b);
    const char *p = bt_as_str(r)->data, *end = p + bt_as_str(r)->size;
    while (p < end) {
        uint32_t c = bt_utf8_next(&p);
        char esc[12];
        if (c < 0x80) {
            bt_buf_putc(&b, (char)c);
            continue;
        }
        snprintf(esc, sizeof esc, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
        bt_buf_puts(&b, esc);
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue convert(BtThread *t, BtValue v, char conv) {
    switch (conv) {
    case 'r':
        return bt_repr(t, v);
    case 's':
        return bt_str(t, v);
    case 'a':
        return bt_str_ascii(t, v);
    }
    return v;
}

/* Raise KeyError(key) with the key itself as the argument (str(e) is its repr). */
static void raise_key_error(BtThread *t, const char *k, size_t n) {
    BtStr *ks = bt_str_new(t, k, n);
    if (!ks)
        return;
    BtValue kv = bt_obj(ks);
    BT_PUSH_ROOT(t, &kv);
    BtValue exc = bt_exc_new(t, BT_EXC(t, KeyError), &kv, 1);
    BT_POP_ROOT(t, 1);
    if (!bt_is_undef(exc))
        bt_raise_value(t, exc);
}

typedef struct {
    BtValue *args;
    int npos;
    BtTuple *kwnames;
    int auto_idx; /* next automatic index, or -1 once manual numbering was used */
    bool manual;
} FmtArgs;

/* Resolve a field name ("0", "", "name", "0.attr[key]") to a value. */
static BtValue field_value(BtThread *t, FmtArgs *fa, const char *p, const char *end) {
    const char *q = p;
    while (q < end && *q != '.' && *q != '[')
        q++;
    BtValue v;
    bool numeric = q > p;
    for (const char *r = p; r < q; r++)
        numeric &= is_digit(*r);
    if (q == p || numeric) {
        int64_t idx;
        if (q == p) {
            if (fa->manual) {
                bt_raise(t, BT_EXC(t, ValueError),
                         "cannot switch from manual field specification to automatic field "
                         "numbering");
                return BT_UNDEF;
            }
            idx = fa->auto_idx++;
        } else {
            if (fa->auto_idx > 0) {
                bt_raise(t, BT_EXC(t, ValueError),
                         "cannot switch from automatic field numbering to manual field "
                         "specification");
                return BT_UNDEF;
            }
            fa->manual = true;
            const char *r = p;
            if (!read_count(t, &r, q, &idx))
                return BT_UNDEF;
        }
        if (idx >= fa->npos) {
            bt_raise(t, BT_EXC(t, IndexError),
                     "Replacement index %lld out of range for positional args tuple",
                     (long long)idx);
            return BT_UNDEF;
        }
        v = fa->args[idx];
    } else {
        v = BT_UNDEF;
        size_t n = (size_t)(q - p);
        for (size_t i = 0; fa->kwnames && i < fa->kwnames->len; i++) {
            BtStr *k = bt_as_str(fa->kwnames->items[i]);
            if (k->size == n && memcmp(k->data, p, n) == 0)
                v = fa->args[fa->npos + (int)i];
        }
        if (bt_is_undef(v)) {
            raise_key_error(t, p, n);
            return BT_UNDEF;
        }
    }
    /* Attribute and index lookups; v stays reachable through args or a root. */
    BT_PUSH_ROOT(t, &v);
    while (q < end && !bt_is_undef(v)) {
        if (*q == '.') {
            const char *a = ++q;
            while (q < end && *q != '.' && *q != '[')
                q++;
            if (q == a) {
                bt_raise(t, BT_EXC(t, ValueError), "Empty attribute in format string");
                v = BT_UNDEF;
                break;
            }
            BtStr *name = bt_str_intern(t, a, (size_t)(q - a));
            v = name ? bt_getattr(t, v, name) : BT_UNDEF;
        } else if (*q == '[') {
            const char *a = ++q;
            while (q < end && *q != ']')
                q++;
            if (q >= end) {
                bt_raise(t, BT_EXC(t, ValueError), "Missing ']' in format string");
                v = BT_UNDEF;
                break;
            }
            if (q == a) {
                bt_raise(t, BT_EXC(t, ValueError), "Empty attribute in format string");
                v = BT_UNDEF;
                break;
            }
            bool num = true;
            for (const char *r = a; r < q; r++)
                num &= is_digit(*r);
            int64_t idx = 0;
            const char *r = a;
            if (num && !read_count(t, &r, q, &idx)) {
                v = BT_UNDEF;
                break;
            }
            BtValue key;
            if (num) {
                key = bt_int_from_i64(t, idx);
            } else {
                BtStr *ks = bt_str_new(t, a, (size_t)(q - a));
                key = ks ? bt_obj(ks) : BT_UNDEF;
            }
            if (!bt_is_undef(key)) {
                BT_PUSH_ROOT(t, &key);
                v = bt_getitem(t, v, key);
                BT_POP_ROOT(t, 1);
            } else {
                v = BT_UNDEF;
            }
            q++;
            if (q < end && *q != '.' && *q != '[') {
                bt_raise(t, BT_EXC(t, ValueError),
                         "Only '.' or '[' may follow ']' in format field specifier");
                v = BT_UNDEF;
            }
        } else {
            break;
        }
    }
    BT_POP_ROOT(t, 1);
    return v;
}

static bool format_template(BtThread *t, BtBuf *out, const char *p, const char *end, FmtArgs *fa,
                            int depth);

/* One replacement field whose text (between the braces) is [p, end). */
static bool format_field(BtThread *t, BtBuf *out, const char *p, const char *end, FmtArgs *fa,
                         int depth) {
    /* The field name ends at '!' or ':' outside brackets. */
    const char *q = p;
    bool in_br = false;
    while (q < end) {
        if (*q == '[')
            in_br = true;
        else if (*q == ']')
            in_br = false;
        else if (!in_br && (*q == '!' || *q == ':'))
            break;
        q++;
    }
    const char *name_end = q;
    char conv = 0;
    if (q < end && *q == '!') {
        if (q + 1 >= end) {
            bt_raise(t, BT_EXC(t, ValueError),
                     "end of string while looking for conversion specifier");
            return false;
        }
        conv = q[1];
        q += 2;
        if (q < end && *q != ':') {
            bt_raise(t, BT_EXC(t, ValueError), "expected ':' after conversion specifier");
            return false;
        }
        if (conv != 'r' && conv != 's' && conv != 'a') {
            bt_raise(t, BT_EXC(t, ValueError), "Unknown conversion specifier %c", conv);
            return false;
        }
    }
    const char *spec_start = q < end ? q + 1 : end;
    BtValue v = field_value(t, fa, p, name_end);
    if (bt_is_undef(v))
        return false;
    BT_PUSH_ROOT(t, &v);
    bool ok = true;
    if (conv) {
        v = convert(t, v, conv);
        ok = !bt_is_undef(v);
    }
    BtValue specv = BT_UNDEF;
    BT_PUSH_ROOT(t, &specv);
    if (ok && spec_start < end) {
        /* The spec may itself hold replacement fields ("{:{width}}"). */
        BtBuf sb;
        bt_buf_init(&sb);
        if (memchr(spec_start, '{', (size_t)(end - spec_start))) {
            if (depth >= 2) {
                bt_raise(t, BT_EXC(t, ValueError), "Max string recursion exceeded");
                ok = false;
            } else {
                ok = format_template(t, &sb, spec_start, end, fa, depth + 1);
            }
        } else {
            bt_buf_append(&sb, spec_start, (size_t)(end - spec_start));
        }
        if (ok) {
            BtStr *spec = bt_buf_finish(t, &sb);
            ok = spec != NULL;
            if (ok)
                specv = bt_obj(spec);
        } else {
            bt_buf_free(&sb);
        }
    }
    if (ok)
        ok = format_into(t, out, v, bt_is_undef(specv) ? NULL : bt_as_str(specv));
    BT_POP_ROOT(t, 2);
    return ok;
}

static bool format_template(BtThread *t, BtBuf *out, const char *p, const char *end, FmtArgs *fa,
                            int depth) {
    while (p < end) {
        const char *brace = p;
        while (brace < end && *brace != '{' && *brace != '}')
            brace++;
        bt_buf_append(out, p, (size_t)(brace - p));
        if (brace >= end)
            break;
        if (*brace == '}') {
            if (brace + 1 < end && brace[1] == '}') {
                bt_buf_putc(out, '}');
                p = brace + 2;
                continue;
            }
            bt_raise(t, BT_EXC(t, ValueError), "Single '}' encountered in format string");
            return false;
        }
        if (brace + 1 < end && brace[1] == '{') {
            bt_buf_putc(out, '{');
            p = brace + 2;
            continue;
        }
        if (brace + 1 >= end) {
            bt_raise(t, BT_EXC(t, ValueError), "Single '{' encountered in format string");
            return false;
        }
        /* Find the matching '}', counting nested braces in the spec. */
        const char *q = brace + 1;
        int level = 1;
        while (q < end) {
            if (*q == '{')
                level++;
            else if (*q == '}' && --level == 0)
                break;
            q++;
        }
        if (q >= end) {
            bt_raise(t, BT_EXC(t, ValueError), "expected '}' before end of string");
            return false;
        }
        if (!format_field(t, out, brace + 1, q, fa, depth))
            return false;
        p = q + 1;
    }
    return true;
}

BtValue bt_str_format_method(BtThread *t, BtStr *fmt, BtValue *args, int nargs, BtTuple *kwnames) {
    FmtArgs fa = {args, nargs, kwnames, 0, false};
    BtValue fv = bt_obj(fmt);
    BT_PUSH_ROOT(t, &fv);
    BtBuf b;
    bt_buf_init(&b);
    bool ok = format_template(t, &b, fmt->data, fmt->data + fmt->size, &fa, 0);
    BT_POP_ROOT(t, 1);
    if (!ok) {
        bt_buf_free(&b);
        return BT_UNDEF;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* ---- printf-style % ---- */

typedef struct {
    bool left, plus, space, alt, zero;
    int64_t width, prec; /* -1 when not given */
} PctSpec;

/* Pad body (with its sign/prefix already split off) to the width. */
static void pct_emit(BtBuf *b, const PctSpec *ps, const char *prefix, size_t plen, const char *body,
                     size_t blen, bool numeric) {
    size_t cps = plen + count_cps(body, blen);
    size_t pad = ps->width > 0 && (size_t)ps->width > cps ? (size_t)ps->width - cps : 0;
    if (ps->left) {
        bt_buf_append(b, prefix, plen);
        bt_buf_append(b, body, blen);
        bt_buf_fill(b, ' ', pad);
    } else if (ps->zero && numeric) {
        bt_buf_append(b, prefix, plen);
        bt_buf_fill(b, '0', pad);
        bt_buf_append(b, body, blen);
    } else {
        bt_buf_fill(b, ' ', pad);
        bt_buf_append(b, prefix, plen);
        bt_buf_append(b, body, blen);
    }
}

static bool pct_int(BtThread *t, BtBuf *b, const PctSpec *ps, char conv, BtValue v) {
    BtValue n;
    if (bt_is_integer(v)) {
        n = bt_is_bool(v) ? bt_int(bt_as_bool(v)) : v;
    } else if (bt_is_float(v) && (conv == 'd' || conv == 'i' || conv == 'u')) {
        n = bt_int_from(t, v);
        if (bt_is_undef(n))
            return false;
    } else if (bt_is_obj(v) && !bt_is_str(t, v) &&
               !bt_is_undef(bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_index)))) {
        n = bt_index_value(t, v);
        if (bt_is_undef(n))
            return false;
    } else if ((conv == 'd' || conv == 'i' || conv == 'u') && bt_is_obj(v) && !bt_is_str(t, v) &&
               !bt_is_undef(bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_int)))) {
        n = bt_int_from(t, v); /* %d takes any number: int(v) */
        if (bt_is_undef(n))
            return false;
    } else {
        if (conv == 'd' || conv == 'i' || conv == 'u')
            bt_raise(t, BT_EXC(t, TypeError), "%%%c format: a real number is required, not %T",
                     conv, v);
        else
            bt_raise(t, BT_EXC(t, TypeError), "%%%c format: an integer is required, not %T", conv,
                     v);
        return false;
    }
    if (ps->prec > INT_MAX - 3) {
        bt_raise(t, BT_EXC(t, OverflowError), "precision too large");
        return false;
    }
    int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    BT_PUSH_ROOT(t, &n);
    BtBuf digits;
    bt_buf_init(&digits);
    bool ok = bt_int_append_digits(t, &digits, n, base, conv == 'X');
    BT_POP_ROOT(t, 1);
    if (!ok) {
        bt_buf_free(&digits);
        return false;
    }
    size_t nd = digits.len;
    char prefix[4];
    size_t plen = 0;
    if (bt_int_sign(n) < 0)
        prefix[plen++] = '-';
    else if (ps->plus)
        prefix[plen++] = '+';
    else if (ps->space)
        prefix[plen++] = ' ';
    if (ps->alt && base != 10) {
        prefix[plen++] = '0';
        prefix[plen++] = conv == 'o' ? 'o' : conv;
    }
    BtBuf body;
    bt_buf_init(&body);
    if (ps->prec > 0 && (size_t)ps->prec > nd)
        bt_buf_fill(&body, '0', (size_t)ps->prec - nd);
    bt_buf_append(&body, digits.data, nd);
    pct_emit(b, ps, prefix, plen, body.data, body.len, true);
    b->oom |= body.oom | digits.oom; /* too long: the caller's bt_buf_finish raises MemoryError */
    bt_buf_free(&body);
    bt_buf_free(&digits);
    return true;
}

static bool pct_float(BtThread *t, BtBuf *b, const PctSpec *ps, char conv, BtValue v) {
    double d;
    if (!bt_num_to_double(t, v, &d)) {
        if (bt_has_exc(t))
            return false; /* an int too large to convert to float */
        BtValue f = BT_UNDEF;
        if (bt_is_obj(v) && !bt_is_str(t, v) &&
            !bt_is_undef(bt_type_lookup(bt_type_of(t, v), BT_NAME(t, dunder_float))))
            f = bt_float_from(t, v);
        else
            bt_raise(t, BT_EXC(t, TypeError), "must be real number, not %T", v);
        if (bt_is_undef(f))
            return false;
        d = bt_as_f64(f);
    }
    BtBuf body;
    bt_buf_init(&body);
    int prec = ps->prec < 0 ? 6 : (int)ps->prec; /* the parser keeps it within a C int */
    bool upper = conv == 'E' || conv == 'F' || conv == 'G';
    double a = fabs(d);
    if (!isfinite(d))
        bt_buf_puts(&body, isnan(d) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
    else if (conv == 'f' || conv == 'F')
        put_fixed(&body, a, prec, ps->alt);
    else if (conv == 'e' || conv == 'E')
        put_sci(&body, a, prec, ps->alt, upper);
    else
        general(&body, a, prec ? prec : 1, prec ? prec : 1, ps->alt, false, upper);
    char prefix[1];
    size_t plen = 0;
    if (signbit(d) && !isnan(d))
        prefix[plen++] = '-';
    else if (ps->plus)
        prefix[plen++] = '+';
    else if (ps->space)
        prefix[plen++] = ' ';
    pct_emit(b, ps, prefix, plen, body.data, body.len, isfinite(d));
    bool ok = !body.oom;
    bt_buf_free(&body);
    if (!ok)
        bt_raise_memory(t);
    return ok;
}

/* The next positional argument for a conversion. */
static BtValue pct_next(BtThread *t, const BtValue *items, size_t n, size_t *idx) {
    if (*idx >= n) {
        bt_raise(t, BT_EXC(t, TypeError), "not enough arguments for format string");
        return BT_UNDEF;
    }
    return items[(*idx)++];
}

static BtValue pct_bytes_of(BtThread *t, BtValue v);

/* A %s, %b, %r, %a or %c field of a bytes format into b; false raised. */
static bool pct_bytes_field(BtThread *t, BtBuf *b, PctSpec *ps, char conv, BtValue v) {
    if (conv == 'c') {
        uint8_t byte;
        if (bt_is_bytes(t, v) && ((BtBytes *)bt_as_obj(v))->size == 1) {
            byte = ((BtBytes *)bt_as_obj(v))->data[0];
        } else if (bt_is_intlike(v)) {
            int64_t n = bt_as_int(v);
            if (n < 0 || n > 255) {
                bt_raise(t, BT_EXC(t, OverflowError), "%%c arg not in range(256)");
                return false;
            }
            byte = (uint8_t)n;
        } else {
            bt_raise(t, BT_EXC(t, TypeError), "%%c requires an integer in range(256) or a single byte");
            return false;
        }
        pct_emit(b, ps, "", 0, (const char *)&byte, 1, false);
        return true;
    }
    BtValue sv = conv == 's' || conv == 'b' ? pct_bytes_of(t, v) : bt_str_ascii(t, v);
    if (bt_is_undef(sv))
        return false;
    const char *data;
    size_t n;
    if (bt_is_bytes(t, sv)) {
        data = (const char *)((BtBytes *)bt_as_obj(sv))->data;
        n = ((BtBytes *)bt_as_obj(sv))->size;
    } else {
        data = bt_as_str(sv)->data;
        n = bt_as_str(sv)->size;
    }
    if (ps->prec >= 0 && (size_t)ps->prec < n)
        n = (size_t)ps->prec;
    pct_emit(b, ps, "", 0, data, n, false);
    return true;
}

/* The bytes a %s/%b field of a bytes format shows: v itself, or its
 * __bytes__(); BT_UNDEF raised. */
static BtValue pct_bytes_of(BtThread *t, BtValue v) {
    BtByteView view;
    if (bt_is_bytes(t, v))
        return v;
    if (bt_byte_view(t, v, &view)) { /* bytearray, array, memoryview */
        BtBytes *copy = bt_bytes_new(t, view.data, view.size);
        return copy ? bt_obj(copy) : BT_UNDEF;
    }
    BtStr *name = bt_str_intern_cstr(t, "__bytes__");
    BtValue m = name && bt_is_obj(v) ? bt_getattr_opt(t, v, name) : BT_UNDEF;
    if (bt_is_undef(m)) {
        if (!bt_has_exc(t))
            bt_raise(t, BT_EXC(t, TypeError),
                     "%%b requires a bytes-like object, or an object that implements __bytes__, "
                     "not '%s'", bt_type_name(t, v));
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &m);
    BtValue r = bt_call(t, m, NULL, 0, NULL);
    BT_POP_ROOT(t, 1);
    if (!bt_is_undef(r) && !bt_is_bytes(t, r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__bytes__ returned non-bytes (type %s)",
                 bt_type_name(t, r));
        return BT_UNDEF;
    }
    return r;
}

/* str % args, or with `bytes` b"..." % args (PEP 461): the same fields, but
 * %s and %b take bytes, %r and %a give ascii(), %c a byte, and the result is
 * bytes. `owner` (the format's object) stays rooted by the caller. */
static BtValue percent_format(BtThread *t, BtValue owner, const char *data, size_t size,
                              bool bytes, BtValue args) {
    const BtValue *items;
    size_t nitems;
    if (bt_is_tuple(t, bt_unbox(args))) /* a named tuple, say */
        args = bt_unbox(args);
    bool is_tuple = bt_is_tuple(t, args);
    if (is_tuple) {
        items = bt_as_tuple(args)->items;
        nitems = bt_as_tuple(args)->len;
    } else {
        items = &args;
        nitems = 1;
    }
    /* A mapping argument (not a tuple or str) serves %(name)s fields. */
    bool mapping = !is_tuple && bt_is_obj(args) && !bt_is_str(t, args) && !bt_is_bytes(t, args) &&
                   (bt_is_dict(t, args) || bt_type_of(t, args)->getitem ||
                    !bt_is_undef(bt_type_lookup(bt_type_of(t, args), BT_NAME(t, dunder_getitem))));
    BtValue fv = owner;
    BT_PUSH_ROOT(t, &fv);
    BtBuf b;
    bt_buf_init(&b);
    size_t idx = 0;
    const char *p = data, *end = data + size;
    BtValue tmp = BT_UNDEF;
    BT_PUSH_ROOT(t, &tmp);
    while (p < end) {
        const char *pct = memchr(p, '%', (size_t)(end - p));
        if (!pct) {
            bt_buf_append(&b, p, (size_t)(end - p));
            break;
        }
        bt_buf_append(&b, p, (size_t)(pct - p));
        const char *q = pct + 1;
        BtValue v = BT_UNDEF;
        if (q < end && *q == '(') {
            if (!mapping) {
                bt_raise(t, BT_EXC(t, TypeError), "format requires a mapping");
                goto fail;
            }
            const char *k = ++q;
            int level = 1;
            while (q < end) {
                if (*q == '(')
                    level++;
                else if (*q == ')' && --level == 0)
                    break;
                q++;
            }
            if (q >= end) {
                bt_raise(t, BT_EXC(t, ValueError), "incomplete format key");
                goto fail;
            }
            BtObject *key = bytes ? (BtObject *)bt_bytes_new(t, (const uint8_t *)k, (size_t)(q - k))
                                  : (BtObject *)bt_str_new(t, k, (size_t)(q - k));
            if (!key)
                goto fail;
            tmp = bt_obj(key);
            v = bt_getitem(t, args, tmp);
            if (bt_is_undef(v))
                goto fail;
            /* As CPython: the looked-up value becomes the whole argument list,
             * so a '*' width takes it, and a later plain %s finds nothing
             * left ("%(a)s %s" % d is "not enough arguments"). */
            tmp = v;
            items = &tmp;
            nitems = 1;
            idx = 0;
            q++;
        }
        PctSpec ps = {false, false, false, false, false, -1, -1};
        while (q < end && strchr("-+ #0", *q)) {
            switch (*q) {
            case '-':
                ps.left = true;
                break;
            case '+':
                ps.plus = true;
                break;
            case ' ':
                ps.space = true;
                break;
            case '#':
                ps.alt = true;
                break;
            default:
                ps.zero = true;
                break;
            }
            q++;
        }
        for (int part = 0; part < 2; part++) {
            int64_t *dst = part == 0 ? &ps.width : &ps.prec;
            if (part == 1) {
                if (q < end && *q == '.') {
                    q++;
                    ps.prec = 0;
                } else {
                    break;
                }
            }
            if (q < end && *q == '*') {
                q++;
                BtValue w = pct_next(t, items, nitems, &idx);
                if (bt_is_undef(w))
                    goto fail;
                if (!bt_is_integer(w)) {
                    bt_raise(t, BT_EXC(t, TypeError), "* wants int");
                    goto fail;
                }
                if (!bt_int_as_i64(w, dst)) {
                    bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C %s",
                             part == 0 ? "ssize_t" : "int");
                    goto fail;
                }
                if (part == 0 && *dst < 0) {
                    ps.left = true;
                    *dst = *dst == INT64_MIN ? INT64_MAX : -*dst;
                }
                if (part == 1 && (*dst > INT_MAX || *dst < INT_MIN)) { /* a C int in CPython */
                    bt_raise(t, BT_EXC(t, OverflowError),
                             "Python int too large to convert to C int");
                    goto fail;
                }
                if (part == 1 && *dst < 0)
                    *dst = 0;
            } else if (q < end && is_digit(*q)) {
                /* CPython's limits: a width within an index, a precision within a C int. */
                int64_t limit = part == 0 ? INT64_MAX : INT_MAX;
                *dst = 0;
                for (; q < end && is_digit(*q); q++) {
                    if (*dst > (limit - (*q - '0')) / 10) {
                        bt_raise(t, BT_EXC(t, ValueError),
                                 part == 0 ? "width too big" : "precision too big");
                        goto fail;
                    }
                    *dst = *dst * 10 + (*q - '0');
                }
            }
        }
        while (q < end && (*q == 'h' || *q == 'l' || *q == 'L'))
            q++;
        if (q >= end) {
            bt_raise(t, BT_EXC(t, ValueError), "incomplete format");
            goto fail;
        }
        char conv = *q++;
        if (conv == '%') {
            bt_buf_putc(&b, '%');
            p = q;
            continue;
        }
        if (!strchr(bytes ? "sbradiuoxXeEfFgGc" : "sradiuoxXeEfFgGc", conv) || !conv) {
            const char *cp = q - 1;
            uint32_t c = bytes ? (uint8_t)*cp++ : bt_utf8_next(&cp);
            char shown[8] = {0};
            if (bytes && c >= 0x80)
                snprintf(shown, sizeof shown, "\\x%02x", c);
            else
                memcpy(shown, q - 1, (size_t)(cp - (q - 1)));
            bt_raise(t, BT_EXC(t, ValueError),
                     "unsupported format character '%s' (0x%x) at index %zu", shown, c,
                     (size_t)(q - 1 - data));
            goto fail;
        }
        v = pct_next(t, items, nitems, &idx);
        if (bt_is_undef(v))
            goto fail;
        if (bytes && (conv == 's' || conv == 'b' || conv == 'r' || conv == 'a' || conv == 'c')) {
            if (!pct_bytes_field(t, &b, &ps, conv, v))
                goto fail;
            p = q;
            continue;
        }
        switch (conv) {
        case 's':
        case 'r':
        case 'a': {
            BtValue sv = conv == 's'   ? bt_str(t, v)
                         : conv == 'r' ? bt_repr(t, v)
                                       : bt_str_ascii(t, v);
            if (bt_is_undef(sv))
                goto fail;
            BtStr *s = bt_as_str(sv);
            size_t n = s->size;
            if (ps.prec >= 0 && (size_t)ps.prec < s->length)
                n = bt_str_cp_offset(s, (size_t)ps.prec);
            pct_emit(&b, &ps, "", 0, s->data, n, false);
            break;
        }
        case 'c': {
            uint32_t c;
            if (bt_is_str(t, v) && bt_as_str(v)->length == 1) {
                const char *cp = bt_as_str(v)->data;
                c = bt_utf8_next(&cp);
            } else if (bt_is_integer(v)) {
                int64_t n = bt_is_bigint(v) ? -1 : bt_as_int(v);
                if (n < 0 || n > 0x10FFFF) {
                    bt_raise(t, BT_EXC(t, OverflowError), "%%c arg not in range(0x110000)");
                    goto fail;
                }
                c = (uint32_t)n;
            } else {
                bt_raise(t, BT_EXC(t, TypeError), "%%c requires int or char");
                goto fail;
            }
            BtBuf cb;
            bt_buf_init(&cb);
            bt_buf_put_cp(&cb, c);
            pct_emit(&b, &ps, "", 0, cb.data, cb.len, false);
            bt_buf_free(&cb);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            if (!pct_int(t, &b, &ps, conv, v))
                goto fail;
            break;
        default:
            if (!pct_float(t, &b, &ps, conv, v))
                goto fail;
            break;
        }
        p = q;
    }
    if (idx < nitems && !mapping) {
        bt_raise(t, BT_EXC(t, TypeError), "not all arguments converted during %s formatting",
                 bytes ? "bytes" : "string");
        goto fail;
    }
    BT_POP_ROOT(t, 2);
    if (bytes) {
        BtBytes *r = bt_bytes_new(t, (const uint8_t *)b.data, b.len);
        bt_buf_free(&b);
        return r ? bt_obj(r) : BT_UNDEF;
    }
    BtStr *s = bt_buf_finish(t, &b);
    return s ? bt_obj(s) : BT_UNDEF;
fail:
    BT_POP_ROOT(t, 2);
    bt_buf_free(&b);
    return BT_UNDEF;
}

BtValue bt_str_percent(BtThread *t, BtStr *fmt, BtValue args) {
    return percent_format(t, bt_obj(fmt), fmt->data, fmt->size, false, args);
}

BtValue bt_bytes_percent(BtThread *t, BtValue fmt, BtValue args) {
    BtBytes *f = (BtBytes *)bt_as_obj(fmt);
    return percent_format(t, fmt, (const char *)f->data, f->size, true, args);
}
