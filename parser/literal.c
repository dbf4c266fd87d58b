/* literal.c: numbers, strings and f-strings from their token text to AST values
 * (parser stage; see parser/README.md).
 *
 * The lexer only finds where a literal starts and ends; here escapes are decoded,
 * underscores dropped, adjacent strings joined, and the replacement fields of an
 * f-string parsed (3.11 rules: the expression is the text up to !, : or }).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser/parser_internal.h"

/* Errors about a literal point just after its token, as CPython's do. */
static void *literal_error(BtParser *p, const BtToken *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void *literal_error(BtParser *p, const BtToken *t, const char *fmt, ...) {
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return bt_parse_error_at(p, t->end_line, t->end_col, t->end_line, t->end_col, "%s", msg);
}

static BtAstExpr *new_constant(BtParser *p, const BtToken *t, BtAstConstKind kind) {
    BtAstExpr *e = bt_arena_alloc(p->arena, sizeof *e);
    if (!e)
        return bt_parse_error_at(p, t->line, t->col, t->end_line, t->end_col, "out of memory");
    e->kind = BT_EXPR_CONSTANT;
    e->line = t->line;
    e->col = t->col;
    e->end_line = t->end_line;
    e->end_col = t->end_col;
    e->constant.kind = kind;
    return e;
}

/* ============================================================================ numbers */

static int digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

BtAstExpr *bt_literal_number(BtParser *p, const BtToken *tok) {
    const char *text = p->src + tok->offset;
    size_t n = tok->length;
    char *clean = bt_arena_alloc(p->arena, n + 1);
    if (!clean)
        return bt_parse_error_at(p, tok->line, tok->col, tok->end_line, tok->end_col,
                                 "out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (text[i] != '_')
            clean[m++] = text[i];
    clean[m] = '\0';
    if (m > 0 && (clean[m - 1] == 'j' || clean[m - 1] == 'J'))
        return bt_parse_error_at(p, tok->line, tok->col, tok->end_line, tok->end_col,
                                 "complex numbers are not supported by Baton");
    if (tok->kind == BT_TOK_FLOAT) {
        BtAstExpr *e = new_constant(p, tok, BT_CONST_FLOAT);
        if (e)
            e->constant.f = strtod(clean, NULL); /* inf on overflow, as CPython */
        return e;
    }
    BtAstExpr *e = new_constant(p, tok, BT_CONST_INT);
    if (!e)
        return NULL;
    int base = 10;
    const char *d = clean;
    if (m > 1 && clean[0] == '0') {
        char c = clean[1];
        if (c == 'x' || c == 'X')
            base = 16, d += 2;
        else if (c == 'o' || c == 'O')
            base = 8, d += 2;
        else if (c == 'b' || c == 'B')
            base = 2, d += 2;
    }
    uint64_t v = 0;
    bool big = false;
    for (; *d; d++) {
        int dv = digit_value(*d);
        if (dv >= base)
            break; /* the lexer has vetted the digits */
        if (v > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base) {
            big = true;
            break;
        }
        v = v * (uint64_t)base + (uint64_t)dv;
    }
    if (v > (uint64_t)INT64_MAX)
        big = true;
    e->constant.big = big;
    e->constant.i = big ? 0 : (int64_t)v;
    e->constant.digits = clean;
    return e;
}

/* ============================================================================ strings */

/* A growable byte buffer in malloc'd memory, copied into the arena when done. */
typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static bool buf_reserve(Buf *b, size_t extra) {
    if (b->len + extra <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra)
        cap *= 2;
    char *grown = realloc(b->data, cap);
    if (!grown)
        return false;
    b->data = grown;
    b->cap = cap;
    return true;
}

static bool buf_put(Buf *b, const char *s, size_t n) {
    if (n == 0)
        return true;
    if (!buf_reserve(b, n))
        return false;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    return true;
}

/* Literal source text: CR and CRLF become LF, as CPython reads source with
 * universal newlines (a triple-quoted string typed on Windows holds "\n"). */
static bool buf_put_text(Buf *b, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '\r')
            i++;
        if (!buf_put(b, s + start, i - start))
            return false;
        if (i >= n)
            break;
        i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        if (!buf_put(b, "\n", 1))
            return false;
    }
    return true;
}

static bool buf_utf8(Buf *b, uint32_t c) {
    char s[4];
    size_t n;
    if (c < 0x80) {
        s[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        s[0] = (char)(0xC0 | (c >> 6));
        s[1] = (char)(0x80 | (c & 0x3F));
        n = 2;
    } else if (c < 0x10000) {
        s[0] = (char)(0xE0 | (c >> 12));
        s[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[2] = (char)(0x80 | (c & 0x3F));
        n = 3;
    } else {
        s[0] = (char)(0xF0 | (c >> 18));
        s[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        s[2] = (char)(0x80 | ((c >> 6) & 0x3F));
        s[3] = (char)(0x80 | (c & 0x3F));
        n = 4;
    }
    return buf_put(b, s, n);
}

/* Prefix letters and quote layout of one STRING/FSTRING token. */
typedef struct {
    bool raw, bytes, fmt;
    const char *body; /* between the quotes */
    size_t len;
    size_t body_offset; /* offset of body in the source */
} StrParts;

static StrParts split_string(const BtParser *p, const BtToken *t) {
    StrParts s = {0};
    const char *text = p->src + t->offset;
    size_t i = 0;
    for (; i < t->length && text[i] != '\'' && text[i] != '"'; i++) {
        char c = text[i] | 0x20;
        s.raw |= c == 'r';
        s.bytes |= c == 'b';
        s.fmt |= c == 'f';
    }
    size_t q = (i + 2 < t->length && text[i + 1] == text[i] && text[i + 2] == text[i] &&
                t->length - i >= 6)
                   ? 3
                   : 1;
    s.body = text + i + q;
    s.len = t->length - i - 2 * q;
    s.body_offset = t->offset + i + q;
    return s;
}

static bool unicode_error(BtParser *p, const BtToken *t, size_t from, size_t to,
                          const char *what) {
    literal_error(p, t, "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                  "%zu-%zu: %s", from, to, what);
    return false;
}

/* Decode s[0..n) with escapes (unless raw) onto out. t is the token for errors;
 * pos0 is where s starts within the token's body (for CPython's byte positions). */
static bool decode_escapes(BtParser *p, const BtToken *t, const char *s, size_t n, bool raw,
                           bool bytes, size_t pos0, Buf *out) {
    if (bytes) {
        for (size_t i = 0; i < n; i++) {
            if ((unsigned char)s[i] >= 0x80) {
                literal_error(p, t, "bytes can only contain ASCII literal characters");
                return false;
            }
        }
    }
    if (raw)
        return buf_put_text(out, s, n);
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && s[i] != '\\')
            i++;
        if (!buf_put_text(out, s + start, i - start))
            return false;
        if (i >= n)
            break;
        size_t esc = i++; /* the backslash */
        if (i >= n) {
            if (!buf_put(out, "\\", 1))
                return false;
            break;
        }
        char c = s[i++];
        char simple = 0;
        switch (c) {
        case '\n': continue; /* line continuation inside the literal */
        case '\r':
            if (i < n && s[i] == '\n')
                i++;
            continue;
        case '\\': simple = '\\'; break;
        case '\'': simple = '\''; break;
        case '"': simple = '"'; break;
        case 'a': simple = '\a'; break;
        case 'b': simple = '\b'; break;
        case 'f': simple = '\f'; break;
        case 'n': simple = '\n'; break;
        case 'r': simple = '\r'; break;
        case 't': simple = '\t'; break;
        case 'v': simple = '\v'; break;
        default: break;
        }
        if (simple) {
            if (!buf_put(out, &simple, 1))
                return false;
            continue;
        }
        if (c >= '0' && c <= '7') {
            unsigned v = (unsigned)(c - '0');
            for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7'; k++)
                v = v * 8 + (unsigned)(s[i++] - '0');
            /* Octal escapes above 0o377 only warn in 3.11 and mean the code point. */
            bool ok = bytes ? (v &= 0xFF, buf_put(out, (char[]){(char)v}, 1)) : buf_utf8(out, v);
            if (!ok)
                return false;
            continue;
        }
        int width = c == 'x' ? 2 : (!bytes && c == 'u') ? 4 : (!bytes && c == 'U') ? 8 : 0;
        if (width) {
            uint32_t v = 0;
            int k = 0;
            for (; k < width && i < n && digit_value(s[i]) < 16; k++)
                v = v * 16 + (uint32_t)digit_value(s[i++]);
            if (k < width) {
                if (bytes) {
                    literal_error(p, t, "(value error) invalid \\x escape at position %zu",
                                  pos0 + esc);
                    return false;
                }
                char what[40];
                snprintf(what, sizeof what, "truncated \\%c%s escape", c,
                         c == 'x' ? "XX" : c == 'u' ? "XXXX" : "XXXXXXXX");
                return unicode_error(p, t, pos0 + esc, pos0 + i - 1, what);
            }
            if (bytes) {
                if (!buf_put(out, (char[]){(char)v}, 1))
                    return false;
                continue;
            }
            if (v > 0x10FFFF)
                return unicode_error(p, t, pos0 + esc, pos0 + i - 1,
                                     "illegal Unicode character");
            if (v >= 0xD800 && v <= 0xDFFF) {
                literal_error(p, t, "lone surrogate \\%c%0*X in a string literal is not "
                              "supported by Baton", c, width, (unsigned)v);
                return false;
            }
            if (!buf_utf8(out, v))
                return false;
            continue;
        }
        if (!bytes && c == 'N') {
            literal_error(p, t, "\\N{...} escapes are not supported by Baton");
            return false;
        }
        /* Unknown escapes such as \d stay as written (CPython only warns). */
        if (!buf_put(out, s + esc, i - esc))
            return false;
    }
    return true;
}

/* ============================================================================ f-strings */

/* State while one f-string token is decoded into JoinedStr parts. */
typedef struct {
    BtParser *p;
    const BtToken *tok;
    StrParts parts;
    Buf lit;          /* literal text not yet emitted as a Constant */
    size_t nvalues;   /* parts pushed on p->scratch since the JoinedStr began */
} FStr;

/* (line, col) of body offset i in the source, for the expression sub-parser. */
static void fstr_position(const FStr *f, size_t i, int *line, int *col) {
    int l = f->tok->line, c = f->tok->col;
    const char *src = f->p->src;
    for (size_t k = f->tok->offset; k < f->parts.body_offset + i; k++) {
        if (src[k] == '\n') {
            l++;
            c = 0;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static bool push_value(BtParser *p, void *v) {
    if (p->nscratch == p->capscratch) {
        size_t cap = p->capscratch ? p->capscratch * 2 : 256;
        void **grown = realloc(p->scratch, cap * sizeof *grown);
        if (!grown)
            return false;
        p->scratch = grown;
        p->capscratch = cap;
    }
    p->scratch[p->nscratch++] = v;
    return true;
}

/* Emit the pending literal text as a str Constant spanning the whole token. */
static bool flush_literal(BtParser *p, const BtToken *span, Buf *lit, size_t *count) {
    if (lit->len == 0)
        return true;
    BtAstExpr *c = new_constant(p, span, BT_CONST_STR);
    if (!c)
        return false;
    c->constant.s = bt_arena_strdup(p->arena, lit->data, lit->len);
    c->constant.len = lit->len;
    lit->len = 0;
    if (!c->constant.s || !push_value(p, c)) {
        bt_parse_error_at(p, span->line, span->col, span->line, span->col, "out of memory");
        return false;
    }
    (*count)++;
    return true;
}

static bool fstr_body(FStr *f, size_t *i, size_t end, int nest, bool in_spec, Buf *lit,
                      size_t *count);

/* Parse one {expr[=][!c][:spec]} starting at body[*i] == '{'. */
static bool fstr_field(FStr *f, size_t *i, size_t end, int nest, Buf *lit, size_t *count) {
    BtParser *p = f->p;
    const char *s = f->parts.body;
    if (nest >= 2) {
        literal_error(p, f->tok, "f-string: expressions nested too deeply");
        return false;
    }
    size_t start = ++*i;
    int depth = 0;
    char quote = 0;
    size_t k = start;
    /* Find where the expression ends: a top-level !, :, = or }. */
    for (; k < end; k++) {
        char c = s[k];
        if (quote) {
            if (c == quote)
                quote = 0;
            continue;
        }
        if (c == '\\') {
            literal_error(p, f->tok, "f-string expression part cannot include a backslash");
            return false;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            continue;
        }
        if (c == '#') {
            literal_error(p, f->tok, "f-string expression part cannot include '#'");
            return false;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
            continue;
        }
        if (c == ')' || c == ']' || (c == '}' && depth > 0)) {
            depth--;
            continue;
        }
        if (depth > 0)
            continue;
        if (c == '}' || c == ':')
            break;
        if (c == '!' && k + 1 < end && s[k + 1] != '=')
            break;
        if (c == '!' || c == '<' || c == '>' || c == '=') {
            if (k + 1 < end && s[k + 1] == '=') {
                k++;
                continue;
            }
            if (c == '=')
                break;
        }
    }
    if (quote || k >= end) {
        literal_error(p, f->tok,
                      quote ? "f-string: unterminated string" : "f-string: expecting '}'");
        return false;
    }
    size_t expr_end = k;
    bool blank = true;
    for (size_t j = start; j < expr_end; j++)
        if (s[j] != ' ' && s[j] != '\t' && s[j] != '\n' && s[j] != '\r' && s[j] != '\f')
            blank = false;
    if (blank) {
        literal_error(p, f->tok, "f-string: empty expression not allowed");
        return false;
    }
    int line, col;
    fstr_position(f, start, &line, &col);
    BtAstExpr *value = bt_parse_fstring_expr(p, s + start, expr_end - start, line, col);
    if (!value)
        return false;
    int conversion = -1;
    bool self_doc = false;
    if (s[k] == '=') {
        /* f"{x=}": the text (with its blanks) is kept before the value. */
        self_doc = true;
        k++;
        size_t ws = k;
        while (k < end && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (!buf_put(lit, s + start, k - start))
            return false;
        (void)ws;
    }
    if (k < end && s[k] == '!') {
        k++;
        if (k >= end || (s[k] != 's' && s[k] != 'r' && s[k] != 'a')) {
            if (k >= end || s[k] == '}' || s[k] == ':')
                literal_error(p, f->tok, "f-string: missing conversion character");
            else
                literal_error(p, f->tok, "f-string: invalid conversion character: expected "
                                         "'s', 'r', or 'a'");
            return false;
        }
        conversion = s[k++];
        if (k >= end || (s[k] != '}' && s[k] != ':')) {
            literal_error(p, f->tok, "f-string: expecting '}'");
            return false;
        }
    }
    BtAstExpr *spec = NULL;
    if (k < end && s[k] == ':') {
        k++;
        size_t base = p->nscratch;
        Buf spec_lit = {0};
        size_t spec_count = 0;
        bool ok = fstr_body(f, &k, end, nest + 1, true, &spec_lit, &spec_count) &&
                  flush_literal(p, f->tok, &spec_lit, &spec_count);
        free(spec_lit.data);
        if (!ok)
            return false;
        spec = new_constant(p, f->tok, BT_CONST_STR);
        if (!spec)
            return false;
        spec->kind = BT_EXPR_JOINED_STR;
        memset(&spec->joined_str, 0, sizeof spec->joined_str);
        size_t n = p->nscratch - base;
        spec->joined_str.values.count = (int)n;
        if (n) {
            spec->joined_str.values.items = bt_arena_alloc(p->arena, n * sizeof(BtAstExpr *));
            if (!spec->joined_str.values.items)
                return false;
            memcpy(spec->joined_str.values.items, p->scratch + base, n * sizeof(BtAstExpr *));
        }
        p->nscratch = base;
    }
    if (k >= end || s[k] != '}') {
        literal_error(p, f->tok, "f-string: expecting '}'");
        return false;
    }
    *i = k + 1;
    if (self_doc && conversion == -1 && !spec)
        conversion = 'r';
    if (!flush_literal(p, f->tok, lit, count))
        return false;
    BtAstExpr *fv = new_constant(p, f->tok, BT_CONST_STR);
    if (!fv)
        return false;
    fv->kind = BT_EXPR_FORMATTED_VALUE;
    memset(&fv->formatted_value, 0, sizeof fv->formatted_value);
    fv->formatted_value.value = value;
    fv->formatted_value.conversion = conversion;
    fv->formatted_value.format_spec = spec;
    if (!push_value(p, fv))
        return false;
    (*count)++;
    return true;
}

/* Literal text and fields up to end (or, in a format spec, up to the closing '}'). */
static bool fstr_body(FStr *f, size_t *i, size_t end, int nest, bool in_spec, Buf *lit,
                      size_t *count) {
    BtParser *p = f->p;
    const char *s = f->parts.body;
    while (*i < end) {
        size_t start = *i;
        while (*i < end && s[*i] != '{' && s[*i] != '}')
            (*i)++;
        if (!decode_escapes(p, f->tok, s + start, *i - start, f->parts.raw, false, start, lit))
            return false;
        if (*i >= end)
            break;
        char c = s[*i];
        if (in_spec && c == '}')
            return true;
        if (!in_spec && *i + 1 < end && s[*i + 1] == c) {
            if (!buf_put(lit, &c, 1))
                return false;
            *i += 2;
            continue;
        }
        if (c == '}') {
            literal_error(p, f->tok, "f-string: single '}' is not allowed");
            return false;
        }
        if (!fstr_field(f, i, end, nest, lit, count))
            return false;
    }
    if (in_spec) {
        literal_error(p, f->tok, "f-string: expecting '}'");
        return false;
    }
    return true;
}

/* ============================================================================ concatenation */

BtAstExpr *bt_literal_strings(BtParser *p, const BtToken *toks, size_t n) {
    const BtToken *first = &toks[0], *last = &toks[n - 1];
    BtToken span = *first;
    span.end_line = last->end_line;
    span.end_col = last->end_col;
    bool any_bytes = false, any_text = false, any_f = false;
    for (size_t i = 0; i < n; i++) {
        StrParts s = split_string(p, &toks[i]);
        if (s.bytes)
            any_bytes = true;
        else
            any_text = true;
        any_f |= s.fmt;
    }
    if (any_bytes && any_text)
        return literal_error(p, last, "cannot mix bytes and nonbytes literals");
    Buf lit = {0};
    BtAstExpr *result = NULL;
    if (!any_f) {
        bool ok = true;
        for (size_t i = 0; i < n && ok; i++) {
            StrParts s = split_string(p, &toks[i]);
            ok = decode_escapes(p, &toks[i], s.body, s.len, s.raw, s.bytes, 0, &lit);
        }
        if (ok && (result = new_constant(p, &span, any_bytes ? BT_CONST_BYTES : BT_CONST_STR))) {
            result->constant.s = bt_arena_strdup(p->arena, lit.data ? lit.data : "", lit.len);
            result->constant.len = lit.len;
            if (!result->constant.s)
                result = NULL;
        }
        free(lit.data);
        return result;
    }
    size_t base = p->nscratch, count = 0;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        FStr f = {.p = p, .tok = &toks[i], .parts = split_string(p, &toks[i])};
        if (!f.parts.fmt) {
            ok = decode_escapes(p, &toks[i], f.parts.body, f.parts.len, f.parts.raw, false, 0,
                                &lit);
            continue;
        }
        size_t k = 0;
        ok = fstr_body(&f, &k, f.parts.len, 0, false, &lit, &count);
    }
    ok = ok && flush_literal(p, &span, &lit, &count);
    free(lit.data);
    if (!ok) {
        p->nscratch = base;
        if (!p->failed)
            bt_parse_error_at(p, span.line, span.col, span.end_line, span.end_col,
                              "out of memory");
        return NULL;
    }
    result = new_constant(p, &span, BT_CONST_STR);
    if (!result)
        return NULL;
    result->kind = BT_EXPR_JOINED_STR;
    memset(&result->joined_str, 0, sizeof result->joined_str);
    size_t m = p->nscratch - base;
    result->joined_str.values.count = (int)m;
    if (m) {
        result->joined_str.values.items = bt_arena_alloc(p->arena, m * sizeof(BtAstExpr *));
        if (!result->joined_str.values.items)
            return NULL;
        memcpy(result->joined_str.values.items, p->scratch + base, m * sizeof(BtAstExpr *));
    }
    p->nscratch = base;
    return result;
}
