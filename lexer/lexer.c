/* lexer.c: source bytes to tokens, one per call (lexer stage; see lexer/README.md).
 *
 * Design notes. The behaviour to match is CPython 3.11's tokenizer, read from
 * a file: which tokens come out, and for bad input the same message, line and
 * caret. So the shape follows tokenizer.c's tok_get (indentation at the start
 * of a line, then one token), while the code is our own: one pass over bytes,
 * a table for name characters, no allocation per token.
 *
 * Invariants and quirks kept on purpose:
 * - src is not NUL-terminated: every read is bounded by lim. lim is the end of
 *   the source, or the start of the first line holding a NUL byte or bad
 *   UTF-8; CPython checks each line as it reads it, so reaching lim is when
 *   that error is due (tokens before it come out first).
 * - A source without a final newline gets CPython's implied one (fake_nl): it
 *   ends the last line, closes a '...' string, and yields a NEWLINE of length 0.
 * - "\r\n" and a lone "\r" are newlines, as CPython's universal newlines make them.
 * - Error columns are CPython's SyntaxError.offset for a file (1-based): the
 *   tokenizer's own errors count characters up to its cursor, while the errors
 *   CPython raises later from its parser (unclosed bracket, unexpected EOF,
 *   bad dedent, tabs, line continuation) count bytes, and print unconverted.
 */
#include "lexer/lexer.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lexer/unicode_table.h"

enum {
    MAX_INDENT = 100, /* CPython's MAXINDENT: "too many levels of indentation" */
    MAX_LEVEL = 200,  /* CPython's MAXLEVEL: "too many nested parentheses" */
    TAB_SIZE = 8,
    KW_SLOTS = 128, /* keyword hash table size, a power of two */
};

/* How an error ranks when CPython's parser has already failed earlier with a
 * generic "invalid syntax" and tokenizes the rest (bt_lexer_check_rest). */
typedef enum {
    ERR_NONE,
    ERR_RAISED, /* raised by CPython's tokenizer itself: replaces the parser's error */
    ERR_STATE,  /* CPython's tokenizer only records a state; reported by its parser */
    ERR_STRAY,  /* a character CPython's parser rejects ("invalid syntax"); may resume */
} ErrClass;

struct BtLexer {
    const char *src;        /* the source; token offsets count from here */
    const char *begin;      /* src after a UTF-8 byte order mark, which CPython drops */
    const char *end;        /* src + len */
    const char *lim;        /* reads stop here (see the design notes) */
    const char *bad;        /* the first NUL or bad UTF-8 byte, or NULL */
    const char *p;          /* next unread byte */
    const char *resume;     /* after a stray character: where bt_lexer_check_rest goes on */
    const char *line_start; /* first byte of the current physical line */
    const char *buf_start;  /* start of CPython's line buffer, for one column quirk */
    int line;               /* 1-based number of the current physical line */
    bool fake_nl;           /* the implied final newline is still unread */
    bool atbol;             /* at the beginning of a line: measure indentation */
    bool done;              /* ENDMARKER handed out */
    int pending;            /* INDENTs (> 0) or DEDENTs (< 0) still to hand out */
    int indent;             /* top of the indentation stacks */
    int level;              /* bracket depth */
    ErrClass err_class;
    BtSyntaxError err;
    int indstack[MAX_INDENT]; /* indentation columns, tabs to multiples of 8 */
    int altstack[MAX_INDENT]; /* the same with tabs as 1 column: a mismatch is a TabError */
    char paren[MAX_LEVEL];    /* open brackets */
    int paren_line[MAX_LEVEL];
    int paren_col[MAX_LEVEL]; /* byte column of each open bracket */
    uint8_t kw[KW_SLOTS];     /* open-addressing hash of keyword kinds, 0 = empty */
};

static const char *const KIND_NAMES[] = {
#define BT_TOK_NAME_OF(name, display) display,
    BT_TOKENS(BT_TOK_NAME_OF)
#undef BT_TOK_NAME_OF
};

static const uint8_t KIND_NAME_LEN[] = {
#define BT_TOK_LEN_OF(name, display) sizeof(display) - 1,
    BT_TOKENS(BT_TOK_LEN_OF)
#undef BT_TOK_LEN_OF
};

static const uint8_t KEYWORDS[] = {
#define BT_TOK_KW(name, display) BT_TOK_##name,
    BT_TOKENS_KEYWORDS(BT_TOK_KW)
#undef BT_TOK_KW
};

/* Byte classes: which bytes may continue a name (CPython's
 * is_potential_identifier_char), and which are decimal digits. */
enum { CH_NAME = 1, CH_DIGIT = 2, CH_HEX = 4 };
static const uint8_t CHAR_CLASS[256] = {
    ['0'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['1'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['2'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['3'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['4'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['5'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['6'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['7'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['8'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['9'] = CH_NAME | CH_DIGIT | CH_HEX,
    ['A' ... 'F'] = CH_NAME | CH_HEX,
    ['a' ... 'f'] = CH_NAME | CH_HEX,
    ['G' ... 'Z'] = CH_NAME,
    ['g' ... 'z'] = CH_NAME,
    ['_'] = CH_NAME,
    [0x80 ... 0xff] = CH_NAME,
};

/* The byte at q as CPython's tok_nextc would give it, or -1 at the limit. */
#define AT(q) ((q) < lim ? (int)(unsigned char)*(q) : -1)

static inline bool is_name_char(int c) {
    return c >= 0 && (CHAR_CLASS[c] & CH_NAME);
}
static inline bool is_digit(int c) {
    return c >= '0' && c <= '9';
}
static inline bool is_hex(int c) {
    return c >= 0 && (CHAR_CLASS[c] & CH_HEX);
}
static inline bool is_newline(char c) {
    return c == '\n' || c == '\r';
}

/* Bytes in the newline at q ("\r\n" is one newline). */
static inline int newline_len(const BtLexer *lx, const char *q) {
    return (q[0] == '\r' && q + 1 < lx->end && q[1] == '\n') ? 2 : 1;
}

static inline void start_line(BtLexer *lx, const char *at) {
    lx->line++;
    lx->line_start = at;
}

static unsigned kw_hash(const char *s, size_t n) {
    return ((unsigned char)s[0] * 7u + (unsigned char)s[n - 1] * 3u + (unsigned)n) & (KW_SLOTS - 1);
}

static BtTokenKind kw_lookup(const uint8_t *kw, const char *s, size_t n) {
    if (n < 2 || n > 8)
        return BT_TOK_NAME;
    for (unsigned h = kw_hash(s, n); kw[h]; h = (h + 1) & (KW_SLOTS - 1)) {
        if (KIND_NAME_LEN[kw[h]] != n)
            continue;
        const char *k = KIND_NAMES[kw[h]];
        size_t i = 0;
        while (i < n && k[i] == s[i]) /* short: cheaper inline than a memcmp call */
            i++;
        if (i == n)
            return (BtTokenKind)kw[h];
    }
    return BT_TOK_NAME;
}

BtTokenKind bt_keyword_kind(const char *s, size_t n) {
    for (size_t i = 0; i < sizeof KEYWORDS; i++) {
        if (KIND_NAME_LEN[KEYWORDS[i]] == n && memcmp(KIND_NAMES[KEYWORDS[i]], s, n) == 0)
            return (BtTokenKind)KEYWORDS[i];
    }
    return BT_TOK_NAME;
}

const char *bt_token_kind_name(BtTokenKind kind) {
    return (unsigned)kind < BT_TOK__COUNT ? KIND_NAMES[kind] : "?";
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Length of the well-formed UTF-8 sequence at s (as strict as CPython's
 * decoder: no overlongs, surrogates or code points past U+10FFFF), or 0. */
static int utf8_len(const unsigned char *s, const unsigned char *end) {
    unsigned c = s[0];
    size_t avail = (size_t)(end - s);
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return avail >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (avail < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (avail < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

/* The code point at s, which holds n valid bytes. */
static uint32_t utf8_decode(const unsigned char *s, int n) {
    switch (n) {
    case 1:
        return s[0];
    case 2:
        return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    case 3:
        return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    default:
        return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
               (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
    }
}

/* The BT_UNI_* class of a code point >= 0x80 (binary search over runs). */
static int unicode_class(uint32_t cp) {
    size_t lo = 0, hi = sizeof BT_UNI_RUNS / sizeof BT_UNI_RUNS[0];
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if ((BT_UNI_RUNS[mid] >> 2) <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return (int)(BT_UNI_RUNS[lo] & 3);
}

/* First NUL byte or malformed UTF-8 sequence in [s, end), or NULL. Checks
 * eight bytes at a time while they are plain ASCII. */
static const char *find_bad_byte(const char *s, const char *end) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (s < end) {
        while (end - s >= 8) {
            uint64_t v;
            memcpy(&v, s, 8);
            if ((v & highs) || ((v - ones) & ~v & highs))
                break;
            s += 8;
        }
        if (s >= end)
            break;
        unsigned char c = (unsigned char)*s;
        if (c == 0)
            return s;
        if (c < 0x80) {
            s++;
            continue;
        }
        int n = utf8_len((const unsigned char *)s, (const unsigned char *)end);
        if (n == 0)
            return s;
        s += n;
    }
    return NULL;
}

/* Characters in [a, b), counting a cut-off sequence as one (as CPython's
 * "replace" decoding of a line prefix does). */
static int count_chars(const char *a, const char *b) {
    int n = 0;
    for (; a < b; a++)
        n += ((unsigned char)*a & 0xC0) != 0x80;
    return n;
}

/* ---- errors ------------------------------------------------------------- */

static bool fail(BtLexer *lx, ErrClass cls, BtSyntaxErrorKind kind, int line, int col, int end_col,
                 const char *fmt, ...) __attribute__((format(printf, 7, 8)));

/* Record the lexer's one error; always returns false so callers can return it. */
static bool fail(BtLexer *lx, ErrClass cls, BtSyntaxErrorKind kind, int line, int col, int end_col,
                 const char *fmt, ...) {
    char msg[sizeof lx->err.message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bt_syntax_error_set(&lx->err, kind, line, col, line, end_col, "%s", msg);
    lx->err_class = cls;
    return false;
}

/* CPython's tokenizer syntaxerror(): caret on the character before cur, its
 * offset counted in characters from the start of the line. */
#define RAISE_AT(lx, cur, ...)                                                                     \
    fail((lx), ERR_RAISED, BT_SYNERR_SYNTAX, (lx)->line, count_chars((lx)->line_start, (cur)),     \
         count_chars((lx)->line_start, (cur)), __VA_ARGS__)

/* The last line CPython read before meeting the end (it does not count the
 * empty "line" after a final newline), with its start. */
static int eof_line(const BtLexer *lx, const char **start) {
    const char *ls = lx->line_start;
    int line = lx->line;
    if (ls == lx->end && line > 1) {
        const char *b = lx->begin, *q = ls;
        if (q > b && q[-1] == '\n')
            q--;
        if (q > b && q[-1] == '\r')
            q--;
        while (q > b && !is_newline(q[-1]))
            q--;
        ls = q;
        line--;
    }
    if (start)
        *start = ls;
    return line;
}

/* Bytes of a line's text before its newline. */
static int line_text_len(const BtLexer *lx, const char *ls) {
    const char *q = ls;
    while (q < lx->end && !is_newline(*q))
        q++;
    return (int)(q - ls);
}

static bool unclosed_error(BtLexer *lx) {
    int i = lx->level - 1;
    bool r = fail(lx, ERR_STATE, BT_SYNERR_SYNTAX, lx->paren_line[i], lx->paren_col[i] + 1, 0,
                  "'%c' was never closed", lx->paren[i]);
    lx->err.incomplete = 1;
    return r;
}

/* Input ended where more was required (after a backslash, or inside
 * brackets). CPython's caret goes past the end of the last line, or nowhere
 * when the backslash stood in the indentation (its line buffer was reset). */
static bool eof_error(BtLexer *lx, bool in_indent) {
    if (lx->level > 0)
        return unclosed_error(lx);
    const char *ls;
    int line = eof_line(lx, &ls);
    int col = in_indent ? 0 : line_text_len(lx, ls) + 1;
    bool r = fail(lx, ERR_STATE, BT_SYNERR_SYNTAX, line, col, 0, "unexpected EOF while parsing");
    lx->err.incomplete = 1;
    return r;
}

/* Reached lim before the end: the line starting there has a NUL or bad UTF-8. */
static bool bad_line_error(BtLexer *lx) {
    if (*lx->bad == '\0')
        return fail(lx, ERR_RAISED, BT_SYNERR_SYNTAX, lx->line, 0, 0,
                    "source code cannot contain null bytes");
    return fail(lx, ERR_RAISED, BT_SYNERR_SYNTAX, 0, 0, 0,
                "Non-UTF-8 code starting with '\\x%02x' in file " BT_SYNERR_FILE_MARK
                " on line %d, but no encoding declared; see https://peps.python.org/pep-0263/"
                " for details",
                (unsigned char)*lx->bad, lx->line);
}

/* CPython reports an unexpected character after a backslash at the byte
 * distance from the start of its line buffer, which (outside strings and
 * continued lines) is the current line; each "\r\n" in it counts as one. */
static bool linecont_error(BtLexer *lx, const char *after) {
    int col = 1;
    for (const char *q = lx->buf_start; q < after; q++)
        col += !(q[0] == '\r' && q + 1 < lx->end && q[1] == '\n');
    return fail(lx, ERR_STATE, BT_SYNERR_SYNTAX, lx->line, col, 0,
                "unexpected character after line continuation character");
}

/* ---- construction ------------------------------------------------------- */

BtLexer *bt_lexer_new(const char *src, size_t len) {
    BtLexer *lx = calloc(1, sizeof *lx);
    if (!lx)
        return NULL;
    if (len >= UINT32_MAX) /* token offsets are 32-bit */
        len = 0, lx->err_class = ERR_RAISED;
    const char *begin = src;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        begin += 3; /* CPython drops a UTF-8 byte order mark */
    lx->src = src;
    lx->begin = begin;
    lx->end = src + len;
    lx->p = lx->line_start = lx->buf_start = begin;
    lx->line = 1;
    lx->atbol = true;
    lx->fake_nl = lx->end > begin && !is_newline(lx->end[-1]);
    lx->bad = find_bad_byte(begin, lx->end);
    lx->lim = lx->end;
    if (lx->bad) {
        const char *q = lx->bad;
        while (q > begin && !is_newline(q[-1]))
            q--;
        lx->lim = q;
    }
    for (size_t i = 0; i < sizeof KEYWORDS; i++) {
        const char *s = KIND_NAMES[KEYWORDS[i]];
        unsigned h = kw_hash(s, KIND_NAME_LEN[KEYWORDS[i]]);
        while (lx->kw[h])
            h = (h + 1) & (KW_SLOTS - 1);
        lx->kw[h] = KEYWORDS[i];
    }
    if (lx->err_class != ERR_NONE)
        bt_syntax_error_set(&lx->err, BT_SYNERR_SYNTAX, 0, 0, 0, 0, "source code is too large");
    return lx;
}

void bt_lexer_free(BtLexer *lx) {
    free(lx);
}

const BtSyntaxError *bt_lexer_error(const BtLexer *lx) {
    return lx->err_class != ERR_NONE ? &lx->err : NULL;
}

/* ---- pieces of a token -------------------------------------------------- */

static inline void set_token(BtLexer *lx, BtToken *tok, BtTokenKind kind, const char *s,
                             const char *e, int line, int col) {
    tok->kind = kind;
    tok->offset = (uint32_t)(s - lx->src);
    tok->length = (uint32_t)(e - s);
    tok->line = line;
    tok->col = col;
    tok->end_line = lx->line;
    tok->end_col = (int)(e - lx->line_start);
}

/* A backslash at p ends the line (CPython's tok_continuation_line). Returns
 * the start of the next line, or NULL with the error set. */
static const char *continuation(BtLexer *lx, const char *p, bool in_indent) {
    const char *lim = lx->lim, *q = p + 1;
    if (q == lim) {
        /* Only the implied final newline can follow: then the input ends. */
        lx->fake_nl = false;
        return eof_error(lx, in_indent), NULL;
    }
    if (!is_newline(*q))
        return linecont_error(lx, q), NULL;
    q += newline_len(lx, q);
    start_line(lx, q);
    if (q == lim) {
        if (lim != lx->end)
            return bad_line_error(lx), NULL;
        return eof_error(lx, in_indent), NULL;
    }
    return q;
}

/* At the start of a line: measure its indentation as CPython does and queue
 * INDENT or DEDENTs. Sets *blank for lines holding only blanks or a comment,
 * which change nothing. Returns false on an error. */
static bool read_indent(BtLexer *lx, bool *blank) {
    const char *lim = lx->lim, *p = lx->p;
    int col = 0, altcol = 0, cont_col = 0;
    lx->atbol = false;
    lx->buf_start = lx->line_start;
    for (;;) {
        int c = AT(p);
        if (c == ' ') {
            col++, altcol++;
        } else if (c == '\t') {
            col = (col / TAB_SIZE + 1) * TAB_SIZE;
            altcol++;
        } else if (c == '\f') {
            col = altcol = 0; /* a form feed restarts the column, as in CPython */
        } else if (c == '\\') {
            /* The first backslash fixes the indentation of what follows. */
            cont_col = cont_col ? cont_col : col;
            if (!(p = continuation(lx, p, true)))
                return false;
            lx->buf_start = lx->line_start;
            continue;
        } else {
            break;
        }
        p++;
    }
    lx->p = p;
    if (p == lim && lim != lx->end)
        return bad_line_error(lx);
    int c = AT(p);
    *blank = c == '#' || c == '\n' || c == '\r' || (c < 0 && lx->fake_nl);
    if (*blank || lx->level > 0)
        return true;
    if (cont_col) {
        col = cont_col;
        altcol = cont_col;
    }
    int top = lx->indstack[lx->indent];
    if (col == top) {
        if (altcol != lx->altstack[lx->indent])
            goto tab_error;
    } else if (col > top) {
        if (lx->indent + 1 >= MAX_INDENT)
            return fail(lx, ERR_STATE, BT_SYNERR_INDENTATION, lx->line, 1, 0,
                        "too many levels of indentation");
        if (altcol <= lx->altstack[lx->indent])
            goto tab_error;
        lx->pending++;
        lx->indent++;
        lx->indstack[lx->indent] = col;
        lx->altstack[lx->indent] = altcol;
    } else {
        while (lx->indent > 0 && col < lx->indstack[lx->indent]) {
            lx->pending--;
            lx->indent--;
        }
        if (col != lx->indstack[lx->indent])
            return fail(lx, ERR_STATE, BT_SYNERR_INDENTATION, lx->line,
                        line_text_len(lx, lx->line_start) + 1, 0,
                        "unindent does not match any outer indentation level");
        if (altcol != lx->altstack[lx->indent])
            goto tab_error;
    }
    return true;
tab_error:
    return fail(lx, ERR_STATE, BT_SYNERR_TAB, lx->line, 1, 0,
                "inconsistent use of tabs and spaces in indentation");
}

/* CPython's verify_end_of_number: a number may be followed directly by a
 * keyword that can follow it in valid code (1if x else y; CPython warns), but
 * not by another name character. c is the byte at q. */
static bool number_end_ok(BtLexer *lx, const char *q, const char *kind) {
    const char *lim = lx->lim;
    int c = AT(q);
    const char *rest = NULL;
    switch (c) {
    case 'a':
        rest = "nd";
        break;
    case 'e':
        rest = "lse";
        break;
    case 'f':
        rest = "or";
        break;
    case 'o':
        rest = "r";
        break;
    case 'n':
        rest = "ot";
        break;
    case 'i': {
        int c2 = AT(q + 1);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            return true;
        break;
    }
    }
    if (rest) { /* the whole keyword: "1orb" is an error, "1or b" is not */
        size_t n = strlen(rest);
        if ((size_t)(lim - (q + 1)) >= n && memcmp(q + 1, rest, n) == 0 &&
            !is_name_char(AT(q + 1 + n)))
            return true;
    }
    if (c >= 0 && c < 0x80 && is_name_char(c))
        return RAISE_AT(lx, q, "invalid %s literal", kind);
    return true;
}

/* Digits after a first digit, with single underscores between them
 * (CPython's tok_decimal_tail). Returns the end, or NULL with the error set. */
static const char *decimal_tail(BtLexer *lx, const char *q) {
    const char *lim = lx->lim;
    for (;;) {
        while (is_digit(AT(q)))
            q++;
        if (AT(q) != '_')
            return q;
        q++;
        if (!is_digit(AT(q)))
            return RAISE_AT(lx, q, "invalid decimal literal"), NULL;
        q++;
    }
}

/* Digits of a 0x/0o/0b literal after its prefix, which ends before q. */
static const char *radix_digits(BtLexer *lx, const char *q, int radix) {
    const char *lim = lx->lim;
    const char *name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
    for (;;) {
        if (AT(q) == '_')
            q++;
        int c = AT(q);
        bool ok = radix == 16 ? is_hex(c) : c >= '0' && c < '0' + radix;
        if (!ok) {
            if (radix != 16 && is_digit(c))
                return RAISE_AT(lx, q + 1, "invalid digit '%c' in %s literal", c, name), NULL;
            return RAISE_AT(lx, q, "invalid %s literal", name), NULL;
        }
        do {
            q++;
            c = AT(q);
        } while (radix == 16 ? is_hex(c) : c >= '0' && c < '0' + radix);
        if (c != '_')
            break;
    }
    if (radix != 16 && is_digit(AT(q)))
        return RAISE_AT(lx, q + 1, "invalid digit '%c' in %s literal", *q, name), NULL;
    if (!number_end_ok(lx, q, name))
        return NULL;
    return q;
}

/* A number starting at s (a digit, or '.' and a digit). Returns its end and
 * sets *kind, or NULL with the error set. Mirrors CPython's accept/reject
 * decisions and caret positions exactly. */
static const char *lex_number(BtLexer *lx, const char *s, BtTokenKind *kind) {
    const char *lim = lx->lim, *q = s + 1;
    int c;
    *kind = BT_TOK_INT;
    if (*s == '.') {
        *kind = BT_TOK_FLOAT;
        goto fraction;
    }
    if (*s == '0') {
        c = AT(q);
        if (c == 'x' || c == 'X')
            return radix_digits(lx, q + 1, 16);
        if (c == 'o' || c == 'O')
            return radix_digits(lx, q + 1, 8);
        if (c == 'b' || c == 'B')
            return radix_digits(lx, q + 1, 2);
        bool nonzero = false;
        for (;;) { /* zeros, maybe with underscores */
            if (c == '_') {
                q++;
                c = AT(q);
                if (!is_digit(c))
                    return RAISE_AT(lx, q, "invalid decimal literal"), NULL;
            }
            if (c != '0')
                break;
            q++;
            c = AT(q);
        }
        const char *zeros_end = q + 1;
        if (is_digit(c)) {
            nonzero = true;
            if (!(q = decimal_tail(lx, q + 1)))
                return NULL;
            c = AT(q);
        }
        if (c == '.') {
            q++;
            *kind = BT_TOK_FLOAT;
            goto fraction;
        }
        if (c == 'e' || c == 'E')
            goto exponent;
        if (c == 'j' || c == 'J')
            goto imaginary;
        if (nonzero) {
            int col = (int)(s - lx->line_start);
            return fail(lx, ERR_RAISED, BT_SYNERR_SYNTAX, lx->line, col + 1,
                        (int)(zeros_end - lx->line_start),
                        "leading zeros in decimal integer literals are not permitted; use an "
                        "0o prefix for octal integers"),
                   NULL;
        }
        return number_end_ok(lx, q, "decimal") ? q : NULL;
    }
    if (!(q = decimal_tail(lx, q)))
        return NULL;
    c = AT(q);
    if (c == '.') {
        q++;
        *kind = BT_TOK_FLOAT;
    fraction:
        if (is_digit(AT(q)) && !(q = decimal_tail(lx, q + 1)))
            return NULL;
        c = AT(q);
    }
    if (c == 'e' || c == 'E') {
    exponent:;
        const char *e = q;
        q++;
        c = AT(q);
        if (c == '+' || c == '-') {
            q++;
            if (!is_digit(AT(q)))
                return RAISE_AT(lx, q, "invalid decimal literal"), NULL;
        } else if (!is_digit(c)) {
            /* "1else": the number ends before the e (CPython warns) */
            return number_end_ok(lx, e, "decimal") ? e : NULL;
        }
        if (!(q = decimal_tail(lx, q + 1)))
            return NULL;
        *kind = BT_TOK_FLOAT;
        c = AT(q);
    }
    if (c == 'j' || c == 'J') {
    imaginary:
        q++;
        if (!number_end_ok(lx, q, "imaginary"))
            return NULL;
        int col = count_chars(lx->line_start, s) + 1;
        return fail(lx, ERR_RAISED, BT_SYNERR_SYNTAX, lx->line, col, col + (int)(q - s),
                    "complex numbers are not supported by Baton"),
               NULL;
    }
    return number_end_ok(lx, q, "decimal") ? q : NULL;
}

/* An unterminated string starting at s on an earlier (or this) line. */
static bool unterminated(BtLexer *lx, const char *s, int first_line, const char *first_ls,
                         bool triple, int detected, bool at_eof) {
    int col = count_chars(first_ls, s) + 1;
    bool r = fail(lx, ERR_RAISED, BT_SYNERR_SYNTAX, first_line, col, col,
                  triple ? "unterminated triple-quoted string literal (detected at line %d)"
                         : "unterminated string literal (detected at line %d)",
                  detected);
    lx->err.incomplete = at_eof;
    return r;
}

/* A string literal whose prefix starts at s and whose opening quote is at q.
 * Only finds its end: escapes are the parser's business, but an escaped
 * quote or newline does not end it. */
static bool lex_string(BtLexer *lx, BtToken *tok, BtTokenKind kind, const char *s, const char *q) {
    const char *lim = lx->lim;
    const char *first_ls = lx->line_start;
    int first_line = lx->line, col = (int)(s - first_ls);
    char quote = *q++;
    if (q < lim && *q == quote) {
        if (q + 1 < lim && q[1] == quote) {
            q += 2;
            int run = 0; /* closing quotes seen in a row */
            for (;;) {
                if (q == lim) {
                    if (lim != lx->end)
                        return bad_line_error(lx);
                    if (lx->fake_nl) {
                        lx->fake_nl = false;
                        continue;
                    }
                    return unterminated(lx, s, first_line, first_ls, true, eof_line(lx, NULL),
                                        true);
                }
                char c = *q;
                if (c == quote) {
                    q++;
                    if (++run == 3)
                        break;
                    continue;
                }
                run = 0;
                if (c == '\\') {
                    q++;
                    if (q == lim)
                        continue; /* the escaped character is the implied newline */
                    c = *q;
                }
                if (is_newline(c)) {
                    q += newline_len(lx, q);
                    start_line(lx, q);
                } else {
                    q++;
                }
            }
            set_token(lx, tok, kind, s, q, first_line, col);
            lx->p = q;
            return true;
        }
        q++; /* the empty string '' */
        set_token(lx, tok, kind, s, q, first_line, col);
        lx->p = q;
        return true;
    }
    for (;;) {
        char c = 0;
        while (q < lim && (c = *q) != quote && c != '\\' && c != '\n' && c != '\r')
            q++;
        if (q == lim) {
            if (lim != lx->end)
                return bad_line_error(lx);
            if (lx->fake_nl) /* the implied newline ends the line */
                return unterminated(lx, s, first_line, first_ls, false, lx->line, false);
            return unterminated(lx, s, first_line, first_ls, false, eof_line(lx, NULL), true);
        }
        if (c == quote) {
            q++;
            break;
        }
        if (c != '\\')
            return unterminated(lx, s, first_line, first_ls, false, lx->line, false);
        q++;
        if (q == lim) {
            if (lim != lx->end)
                return bad_line_error(lx);
            lx->fake_nl = false; /* escapes the implied newline; then input ends */
            continue;
        }
        if (is_newline(*q)) {
            q += newline_len(lx, q);
            start_line(lx, q);
        } else {
            q++;
        }
    }
    set_token(lx, tok, kind, s, q, first_line, col);
    lx->p = q;
    return true;
}

/* Which string prefixes CPython accepts: one of b r u f, or b/f with r. */
static bool is_string_prefix(const char *s, size_t n, bool *is_f) {
    char a = (char)(s[0] | 0x20), b = n == 2 ? (char)(s[1] | 0x20) : 0;
    *is_f = a == 'f' || b == 'f';
    if (n == 1)
        return a == 'b' || a == 'r' || a == 'u' || a == 'f';
    return (a == 'r' && (b == 'b' || b == 'f')) || (b == 'r' && (a == 'b' || a == 'f'));
}

/* A name holding bytes >= 0x80: each character must be one CPython allows
 * in identifiers (XID_Start first, XID_Continue after). */
static bool check_identifier(BtLexer *lx, const char *s, const char *e) {
    for (const char *q = s; q < e;) {
        int n = utf8_len((const unsigned char *)q, (const unsigned char *)e);
        uint32_t cp = utf8_decode((const unsigned char *)q, n);
        int cls = cp < 0x80 ? BT_UNI_START : unicode_class(cp);
        bool ok = cls == BT_UNI_START || (cls == BT_UNI_CONTINUE && q > s);
        if (cp < 0x80 && q == s && is_digit((int)cp))
            ok = false;
        if (!ok) {
            if (cls == BT_UNI_HIDDEN)
                return RAISE_AT(lx, q + n, "invalid non-printable character U+%04X", cp);
            return RAISE_AT(lx, q + n, "invalid character '%.*s' (U+%04X)", n, q, cp);
        }
        q += n;
    }
    return true;
}

/* A character CPython passes on as an operator its parser cannot use: it
 * reports "invalid syntax" there, with a byte-based range. */
static bool stray(BtLexer *lx, const char *s, const char *e) {
    int col = (int)(s - lx->line_start) + 1;
    lx->resume = e;
    return fail(lx, ERR_STRAY, BT_SYNERR_SYNTAX, lx->line, col, col + (int)(e - s),
                "invalid syntax");
}

static inline bool op(BtLexer *lx, BtToken *tok, BtTokenKind kind, const char *s, int n) {
    set_token(lx, tok, kind, s, s + n, lx->line, (int)(s - lx->line_start));
    lx->p = s + n;
    return true;
}

/* Brackets: track nesting like CPython (for implicit line joining and its errors). */
static bool bracket(BtLexer *lx, BtToken *tok, BtTokenKind kind, const char *s) {
    char c = *s;
    if (c == '(' || c == '[' || c == '{') {
        if (lx->level >= MAX_LEVEL)
            return RAISE_AT(lx, s + 1, "too many nested parentheses");
        lx->paren[lx->level] = c;
        lx->paren_line[lx->level] = lx->line;
        lx->paren_col[lx->level] = (int)(s - lx->line_start);
        lx->level++;
    } else {
        if (lx->level == 0)
            return RAISE_AT(lx, s + 1, "unmatched '%c'", c);
        lx->level--;
        char open = lx->paren[lx->level];
        if (!((open == '(' && c == ')') || (open == '[' && c == ']') ||
              (open == '{' && c == '}'))) {
            if (lx->paren_line[lx->level] != lx->line)
                return RAISE_AT(lx, s + 1,
                                "closing parenthesis '%c' does not match opening parenthesis "
                                "'%c' on line %d",
                                c, open, lx->paren_line[lx->level]);
            return RAISE_AT(lx, s + 1,
                            "closing parenthesis '%c' does not match opening parenthesis '%c'", c,
                            open);
        }
    }
    return op(lx, tok, kind, s, 1);
}

/* The operator at s, longest spelling first; false for a byte that starts none. */
static bool lex_operator(BtLexer *lx, BtToken *tok, const char *s) {
    const char *lim = lx->lim;
    int c1 = AT(s + 1), c2 = AT(s + 2);
    switch (*s) {
    case '(':
        return bracket(lx, tok, BT_TOK_LPAR, s);
    case ')':
        return bracket(lx, tok, BT_TOK_RPAR, s);
    case '[':
        return bracket(lx, tok, BT_TOK_LSQB, s);
    case ']':
        return bracket(lx, tok, BT_TOK_RSQB, s);
    case '{':
        return bracket(lx, tok, BT_TOK_LBRACE, s);
    case '}':
        return bracket(lx, tok, BT_TOK_RBRACE, s);
    case ':':
        return c1 == '=' ? op(lx, tok, BT_TOK_COLONEQUAL, s, 2) : op(lx, tok, BT_TOK_COLON, s, 1);
    case ',':
        return op(lx, tok, BT_TOK_COMMA, s, 1);
    case ';':
        return op(lx, tok, BT_TOK_SEMI, s, 1);
    case '.':
        if (c1 == '.' && c2 == '.')
            return op(lx, tok, BT_TOK_ELLIPSIS, s, 3);
        return op(lx, tok, BT_TOK_DOT, s, 1);
    case '@':
        return c1 == '=' ? op(lx, tok, BT_TOK_ATEQUAL, s, 2) : op(lx, tok, BT_TOK_AT, s, 1);
    case '=':
        return c1 == '=' ? op(lx, tok, BT_TOK_EQEQUAL, s, 2) : op(lx, tok, BT_TOK_EQUAL, s, 1);
    case '!':
        if (c1 == '=')
            return op(lx, tok, BT_TOK_NOTEQUAL, s, 2);
        return stray(lx, s, s + 1);
    case '+':
        return c1 == '=' ? op(lx, tok, BT_TOK_PLUSEQUAL, s, 2) : op(lx, tok, BT_TOK_PLUS, s, 1);
    case '-':
        if (c1 == '>')
            return op(lx, tok, BT_TOK_RARROW, s, 2);
        return c1 == '=' ? op(lx, tok, BT_TOK_MINEQUAL, s, 2) : op(lx, tok, BT_TOK_MINUS, s, 1);
    case '*':
        if (c1 == '*')
            return c2 == '=' ? op(lx, tok, BT_TOK_DOUBLESTAREQUAL, s, 3)
                             : op(lx, tok, BT_TOK_DOUBLESTAR, s, 2);
        return c1 == '=' ? op(lx, tok, BT_TOK_STAREQUAL, s, 2) : op(lx, tok, BT_TOK_STAR, s, 1);
    case '/':
        if (c1 == '/')
            return c2 == '=' ? op(lx, tok, BT_TOK_DOUBLESLASHEQUAL, s, 3)
                             : op(lx, tok, BT_TOK_DOUBLESLASH, s, 2);
        return c1 == '=' ? op(lx, tok, BT_TOK_SLASHEQUAL, s, 2) : op(lx, tok, BT_TOK_SLASH, s, 1);
    case '%':
        return c1 == '=' ? op(lx, tok, BT_TOK_PERCENTEQUAL, s, 2)
                         : op(lx, tok, BT_TOK_PERCENT, s, 1);
    case '|':
        return c1 == '=' ? op(lx, tok, BT_TOK_VBAREQUAL, s, 2) : op(lx, tok, BT_TOK_VBAR, s, 1);
    case '&':
        return c1 == '=' ? op(lx, tok, BT_TOK_AMPEREQUAL, s, 2) : op(lx, tok, BT_TOK_AMPER, s, 1);
    case '^':
        return c1 == '=' ? op(lx, tok, BT_TOK_CIRCUMFLEXEQUAL, s, 2)
                         : op(lx, tok, BT_TOK_CIRCUMFLEX, s, 1);
    case '~':
        return op(lx, tok, BT_TOK_TILDE, s, 1);
    case '<':
        if (c1 == '<')
            return c2 == '=' ? op(lx, tok, BT_TOK_LEFTSHIFTEQUAL, s, 3)
                             : op(lx, tok, BT_TOK_LEFTSHIFT, s, 2);
        if (c1 == '>') /* Python 2's not-equal: a token CPython's parser rejects */
            return stray(lx, s, s + 2);
        return c1 == '=' ? op(lx, tok, BT_TOK_LESSEQUAL, s, 2) : op(lx, tok, BT_TOK_LESS, s, 1);
    case '>':
        if (c1 == '>')
            return c2 == '=' ? op(lx, tok, BT_TOK_RIGHTSHIFTEQUAL, s, 3)
                             : op(lx, tok, BT_TOK_RIGHTSHIFT, s, 2);
        return c1 == '=' ? op(lx, tok, BT_TOK_GREATEREQUAL, s, 2)
                         : op(lx, tok, BT_TOK_GREATER, s, 1);
    case '$':
    case '?':
    case '`':
        return stray(lx, s, s + 1);
    default: {
        unsigned char c = (unsigned char)*s;
        return RAISE_AT(lx, s + 1, "invalid non-printable character U+%04X", c);
    }
    }
}

/* One token (CPython's tok_get). */
static bool lex(BtLexer *lx, BtToken *tok) {
    const char *lim = lx->lim;
    for (;;) {
        bool blank = false;
        if (lx->atbol && !read_indent(lx, &blank))
            return false;
        if (lx->pending > 0) {
            lx->pending--;
            set_token(lx, tok, BT_TOK_INDENT, lx->line_start, lx->p, lx->line, 0);
            return true;
        }
        if (lx->pending < 0) {
            lx->pending++;
            set_token(lx, tok, BT_TOK_DEDENT, lx->p, lx->p, lx->line,
                      (int)(lx->p - lx->line_start));
            return true;
        }
    again:;
        const char *p = lx->p;
        while (p < lim && (*p == ' ' || *p == '\t' || *p == '\f'))
            p++;
        if (p < lim && *p == '#') {
            while (p < lim && !is_newline(*p))
                p++;
        }
        lx->p = p;
        if (p == lim) {
            if (lim != lx->end)
                return bad_line_error(lx);
            if (lx->fake_nl) { /* CPython's implied final newline */
                lx->fake_nl = false;
                lx->atbol = true;
                if (blank || lx->level > 0) {
                    start_line(lx, p);
                    continue;
                }
                set_token(lx, tok, BT_TOK_NEWLINE, p, p, lx->line, (int)(p - lx->line_start));
                start_line(lx, p);
                return true;
            }
            if (lx->level > 0)
                return unclosed_error(lx);
            set_token(lx, tok, BT_TOK_ENDMARKER, p, p, lx->line, (int)(p - lx->line_start));
            lx->done = true;
            return true;
        }
        unsigned char c = (unsigned char)*p;
        if (c == '\n' || c == '\r') {
            const char *nl = p + newline_len(lx, p);
            lx->p = nl;
            lx->atbol = true;
            if (blank || lx->level > 0) {
                start_line(lx, nl);
                continue;
            }
            set_token(lx, tok, BT_TOK_NEWLINE, p, nl, lx->line, (int)(p - lx->line_start));
            start_line(lx, nl);
            return true;
        }
        if (is_name_char(c) && !is_digit(c)) {
            const char *q = p + 1;
            bool nonascii = c >= 0x80, is_f;
            while (q < lim && (CHAR_CLASS[(unsigned char)*q] & CH_NAME)) {
                nonascii |= (unsigned char)*q >= 0x80;
                q++;
            }
            size_t n = (size_t)(q - p);
            if (q < lim && (*q == '\'' || *q == '"') && n <= 2 && is_string_prefix(p, n, &is_f))
                return lex_string(lx, tok, is_f ? BT_TOK_FSTRING : BT_TOK_STRING, p, q);
            if (nonascii && !check_identifier(lx, p, q))
                return false;
            BtTokenKind kind = nonascii ? BT_TOK_NAME : kw_lookup(lx->kw, p, n);
            set_token(lx, tok, kind, p, q, lx->line, (int)(p - lx->line_start));
            lx->p = q;
            return true;
        }
        if (is_digit(c) || (c == '.' && is_digit(AT(p + 1)))) {
            BtTokenKind kind;
            const char *q = lex_number(lx, p, &kind);
            if (!q)
                return false;
            set_token(lx, tok, kind, p, q, lx->line, (int)(p - lx->line_start));
            lx->p = q;
            return true;
        }
        if (c == '\'' || c == '"')
            return lex_string(lx, tok, BT_TOK_STRING, p, p);
        if (c == '\\') {
            const char *q = continuation(lx, p, false);
            if (!q)
                return false;
            lx->p = q;
            goto again;
        }
        return lex_operator(lx, tok, p);
    }
}

bool bt_lexer_next(BtLexer *lx, BtToken *tok) {
    if (lx->err_class == ERR_NONE && !lx->done && lex(lx, tok))
        return true;
    if (lx->done && lx->err_class == ERR_NONE) {
        const char *e = lx->end;
        set_token(lx, tok, BT_TOK_ENDMARKER, e, e, lx->line, (int)(e - lx->line_start));
        return true;
    }
    memset(tok, 0, sizeof *tok);
    tok->kind = BT_TOK_ERROR;
    tok->offset = (uint32_t)(lx->p - lx->src);
    tok->line = tok->end_line = lx->err.line;
    tok->col = tok->end_col = lx->err.col > 0 ? lx->err.col - 1 : 0;
    return false;
}

bool bt_lexer_check_rest(BtLexer *lx, int err_line, BtSyntaxError *err) {
    BtToken tok;
    for (;;) {
        if (lx->err_class == ERR_STRAY) { /* CPython's tokenizer passes these on */
            lx->err_class = ERR_NONE;
            lx->p = lx->resume;
        }
        if (lx->err_class == ERR_NONE) {
            if (!bt_lexer_next(lx, &tok) && lx->err_class == ERR_STRAY)
                continue;
            if (tok.kind != BT_TOK_ENDMARKER && tok.kind != BT_TOK_ERROR)
                continue;
        }
        if (lx->err_class == ERR_NONE)
            return false;
        if (lx->err_class == ERR_RAISED) {
            *err = lx->err;
            return true;
        }
        /* A state error: CPython only names an unclosed bracket opened before
         * the line it already blamed. */
        if (lx->level > 0 && lx->paren_line[lx->level - 1] < err_line) {
            unclosed_error(lx);
            *err = lx->err;
            return true;
        }
        return false;
    }
}

/* ---- --tokens ----------------------------------------------------------- */

/* Write s[0..n) as Python's repr() of the same str would. */
static void print_repr(FILE *out, const char *s, size_t n) {
    bool has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    const char *e = s + n;
    fputc(quote, out);
    while (s < e) {
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            int len = utf8_len((const unsigned char *)s, (const unsigned char *)e);
            if (len == 0) {
                fprintf(out, "\\x%02x", c);
                s++;
                continue;
            }
            uint32_t cp = utf8_decode((const unsigned char *)s, len);
            int cls = unicode_class(cp);
            if (cls == BT_UNI_HIDDEN)
                fprintf(out, cp < 0x100 ? "\\x%02x" : cp < 0x10000 ? "\\u%04x" : "\\U%08x", cp);
            else
                fwrite(s, 1, (size_t)len, out);
            s += len;
            continue;
        }
        if (c == '\\' || c == (unsigned char)quote)
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\r')
            fputs("\\r", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || c == 0x7f)
            fprintf(out, "\\x%02x", c);
        else
            fputc(c, out);
        s++;
    }
    fputc(quote, out);
}

bool bt_lexer_dump(const char *filename, const char *src, size_t len, FILE *out, FILE *err_out) {
    BtLexer *lx = bt_lexer_new(src, len);
    if (!lx) {
        fputs("MemoryError\n", err_out);
        return false;
    }
    BtToken tok;
    bool ok;
    while ((ok = bt_lexer_next(lx, &tok))) {
        char pos[32];
        snprintf(pos, sizeof pos, "%d:%d", tok.line, tok.col);
        fprintf(out, "%-9s %-10s ", pos, bt_token_kind_name(tok.kind));
        print_repr(out, src + tok.offset, tok.length);
        fputc('\n', out);
        if (tok.kind == BT_TOK_ENDMARKER)
            break;
    }
    if (!ok) {
        /* A stray character is CPython's parser's "invalid syntax", and then
         * an error further on may win, as it would when parsing. */
        BtSyntaxError err = *bt_lexer_error(lx);
        if (lx->err_class == ERR_STRAY)
            bt_lexer_check_rest(lx, err.line, &err);
        fflush(out);
        bt_syntax_error_print(&err, filename, src, len, err_out);
    }
    bt_lexer_free(lx);
    return ok;
}
