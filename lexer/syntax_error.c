/* syntax_error.c: filling and printing a BtSyntaxError (lexer stage; see lexer/README.md).
 *
 * The printer reproduces what CPython 3.11's default excepthook writes for a
 * SyntaxError (print_exception and print_error_text in pythonrun.c), including
 * its quirks: leading blanks are stripped and the caret moved with them, a
 * caret left of the text is not drawn, ranges are drawn only for SyntaxError
 * itself, and a range running onto a later line stops at the end of the first.
 */
#include "lexer/syntax_error.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

void bt_syntax_error_set(BtSyntaxError *err, BtSyntaxErrorKind kind, int line, int col,
                         int end_line, int end_col, const char *fmt, ...) {
    err->kind = kind;
    err->line = line;
    err->col = col;
    err->end_line = end_line;
    err->end_col = end_col;
    err->incomplete = 0;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    if (n >= (int)sizeof err->message) {
        /* Cut before a UTF-8 sequence that did not fit whole. */
        size_t keep = sizeof err->message - 1, lead = keep - 1;
        while (lead > 0 && ((unsigned char)err->message[lead] & 0xC0) == 0x80)
            lead--;
        unsigned char c = (unsigned char)err->message[lead];
        size_t need = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (lead + need > keep)
            err->message[lead] = '\0';
    }
}

const char *bt_syntax_error_kind_name(BtSyntaxErrorKind kind) {
    switch (kind) {
    case BT_SYNERR_INDENTATION:
        return "IndentationError";
    case BT_SYNERR_TAB:
        return "TabError";
    case BT_SYNERR_SYNTAX:
        break;
    }
    return "SyntaxError";
}

char *bt_syntax_error_message(const BtSyntaxError *err, const char *filename, char *buf,
                              size_t size) {
    const char *mark = strstr(err->message, BT_SYNERR_FILE_MARK);
    if (!mark) {
        snprintf(buf, size, "%s", err->message);
        return buf;
    }
    snprintf(buf, size, "%.*s%s%s", (int)(mark - err->message), err->message,
             filename ? filename : "<unknown>", mark + strlen(BT_SYNERR_FILE_MARK));
    return buf;
}

/* Line `line` (1-based) of src: its text without the newline, and whether a
 * newline ends it. Newlines are "\n", "\r\n" and a lone "\r", as CPython
 * reads files; a UTF-8 byte order mark before line 1 is not part of it. */
static bool find_line(const char *src, size_t len, int line, const char **text, size_t *n,
                      bool *has_nl) {
    const char *p = src, *end = src + len;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    for (int l = 1; l < line; l++) {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        if (p == end)
            return false;
        p += (*p == '\r' && p + 1 < end && p[1] == '\n') ? 2 : 1;
    }
    if (p == end && line > 1)
        return false;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    *text = p;
    *n = (size_t)(e - p);
    *has_nl = e < end;
    return true;
}

static void print_message(const BtSyntaxError *err, const char *filename, FILE *out) {
    fputs(bt_syntax_error_kind_name(err->kind), out);
    fputs(": ", out);
    const char *mark = strstr(err->message, BT_SYNERR_FILE_MARK);
    if (mark) {
        fwrite(err->message, 1, (size_t)(mark - err->message), out);
        fputs(filename ? filename : "<unknown>", out);
        fputs(mark + strlen(BT_SYNERR_FILE_MARK), out);
    } else {
        fputs(err->message, out);
    }
    fputc('\n', out);
}

void bt_syntax_error_print(const BtSyntaxError *err, const char *filename, const char *src,
                           size_t len, FILE *out) {
    if (err->line <= 0) { /* no location, as for a source that is not UTF-8 */
        print_message(err, filename, out);
        return;
    }
    fprintf(out, "  File \"%s\", line %d\n", filename ? filename : "<unknown>", err->line);
    if (src) {
        const char *text = "";
        size_t n = 0;
        bool has_nl = false;
        find_line(src, len, err->line, &text, &n, &has_nl);
        /* CPython writes the line as a C string: it stops at a NUL byte. */
        const char *nul = memchr(text, '\0', n);
        size_t shown = nul ? (size_t)(nul - text) : n;
        long line_size = (long)n + has_nl;
        long offset = err->col, end_offset = -1;
        if (err->kind == BT_SYNERR_SYNTAX) {
            end_offset = err->end_line > err->line ? line_size : err->end_col;
            if (end_offset > line_size + 1)
                end_offset = line_size + 1;
        }
        long carets = end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
        offset--;
        while (shown > 0 && (*text == ' ' || *text == '\t' || *text == '\f')) {
            text++;
            shown--;
            offset--;
        }
        if (offset > (long)shown)
            offset = (long)shown;
        fputs("    ", out);
        fwrite(text, 1, shown, out);
        fputc('\n', out);
        if (offset >= 0) {
            fputs("    ", out);
            for (long i = 0; i < offset; i++)
                fputc(' ', out);
            for (long i = 0; i < carets; i++)
                fputc('^', out);
            fputc('\n', out);
        }
    }
    print_message(err, filename, out);
}
