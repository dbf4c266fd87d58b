/* fileio.c: open() and the file objects (stdlib stage; see stdlib/README.md).
 *
 * A file object wraps one C stdio stream, which does the buffering. Text
 * files are UTF-8 with Python's newline modes (universal newlines by
 * default); reading validates UTF-8 and counts characters, not bytes. A '+'
 * file must seek between a read and a write (a C rule), so each file
 * remembers its last direction. The four types follow CPython's names
 * (TextIOWrapper, BufferedReader/Writer/Random) and live in the `_io`
 * module, which is where open() finds them. A collected file is closed by
 * its finalizer.
 */
#include "stdlib/fileio.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gil.h"
#include "vm/gc.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"

enum {
    FILE_READABLE = 1 << 0,
    FILE_WRITABLE = 1 << 1,
    FILE_BINARY = 1 << 2,
    FILE_OWNED = 1 << 3, /* fclose the stream on close/collection (not the std streams) */
    FILE_CLOSED = 1 << 4,
    FILE_APPEND = 1 << 5,
};

enum { OP_NONE, OP_READ, OP_WRITE };

/* Newline modes of text files (the `newline` argument of open). */
enum {
    NL_UNIVERSAL,    /* None: \n, \r and \r\n end lines and read as \n */
    NL_UNTRANSLATED, /* '': the same endings, returned untranslated */
    NL_LF,           /* '\n' */
    NL_CR,           /* '\r': lines end at \r; \n is written as \r */
    NL_CRLF,         /* '\r\n': lines end at \r\n; \n is written as \r\n */
};

typedef struct {
    BtObject hdr;
    FILE *fp;        /* the stream; NULL once closed */
    BtValue name;    /* .name: what open() was given ("<stdout>" for the std streams) */
    BtStr *mode;     /* .mode */
    BtStr *encoding; /* .encoding of text files; NULL for binary files */
    uint8_t flags;   /* FILE_* */
    uint8_t last_op; /* OP_*: a '+' file seeks when the direction changes */
    uint8_t newline; /* NL_* */
    int unflushed;   /* errno of a failed flush(): CPython keeps that data and fails again at exit */
    BtValue buffer;  /* .buffer of a std stream: a binary file on the same FILE, made on first use */
} BtFile;

/* A keyword value: args[nargs + i] (see BtNativeFn in vm/object.h). */
#define KWARG(args, nargs, i) ((args)[(nargs) + (i)])

/* ---- the _io module and its types ---- */

static void file_finalize(BtInterp *interp, BtObject *self);

static bool is_file(BtValue v) {
    return bt_is_obj(v) && bt_as_obj(v)->type->finalize == file_finalize;
}

BtModule *bt_fileio_module(BtThread *t) {
    BtStr *key = bt_str_intern_cstr(t, "_io");
    if (!key)
        return NULL;
    BtValue m = bt_dict_get_str(t->interp->modules, key);
    if (bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, module))
        return (BtModule *)bt_as_obj(m);
    BtModule *mod = bt_fileio_module_create(t);
    if (!mod)
        return NULL;
    BtValue mv = bt_obj(mod);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_dict_set_str(t, t->interp->modules, key, mv);
    BT_POP_ROOT(t, 1);
    return ok ? mod : NULL;
}

/* A name from the _io module (a type or the exception class); NULL raised. */
static BtValue io_attr(BtThread *t, const char *name) {
    BtModule *m = bt_fileio_module(t);
    if (!m)
        return BT_UNDEF;
    BtStr *key = bt_str_intern_cstr(t, name);
    if (!key)
        return BT_UNDEF;
    BtValue v = bt_dict_get_str(m->dict, key);
    if (bt_is_undef(v))
        bt_raise(t, BT_EXC(t, RuntimeError), "lost _io.%s", name);
    return v;
}

/* Raise io.UnsupportedOperation(msg). */
static BtValue raise_unsupported(BtThread *t, const char *msg) {
    BtValue cls = io_attr(t, "UnsupportedOperation");
    if (bt_is_undef(cls))
        return BT_UNDEF;
    bt_raise(t, (BtType *)bt_as_obj(cls), "%s", msg);
    return BT_UNDEF;
}

static BtValue raise_closed(BtThread *t, const char *msg) {
    bt_raise(t, BT_EXC(t, ValueError), "%s", msg ? msg : "I/O operation on closed file.");
    return BT_UNDEF;
}

/* A write to fp failed with err: raise its OSError and drop what the stream
 * still buffers, as CPython's buffered writer does after a failed write, so
 * that the same bytes are not reported again at exit. */
static bool raise_write_error(BtThread *t, FILE *fp, int err) {
    clearerr(fp);
    __fpurge(fp);
    bt_raise_errno(t, err ? err : EIO, NULL);
    return false;
}

/* flush() of f. A failure raises and sticks: CPython keeps the data it could
 * not write, so each later flush (and the one at exit) tries it again and
 * fails the same way, where the C stream has already dropped it. */
static bool flush_file(BtThread *t, BtFile *f) {
    if (!f->unflushed && fflush(f->fp) != 0) {
        f->unflushed = errno ? errno : EIO;
        clearerr(f->fp);
    }
    if (f->unflushed) {
        bt_raise_errno(t, f->unflushed, NULL);
        return false;
    }
    return true;
}

bool bt_fileio_end_print(BtThread *t, BtValue file, int err, bool flush) {
    BtFile *f = (BtFile *)bt_as_obj(file);
    if (ferror(f->fp))
        return raise_write_error(t, f->fp, err);
    return !flush || flush_file(t, f);
}

/* Check that f is open and can be read (write=false) or written, and turn
 * the stream around if a '+' file changes direction. closed_msg is the
 * CPython text for this operation on a closed file (NULL: the usual one). */
static bool file_ready(BtThread *t, BtFile *f, bool write, const char *closed_msg) {
    bool can = f->flags & (write ? FILE_WRITABLE : FILE_READABLE);
    /* Binary files refuse an unsupported direction before looking at closed. */
    if (!f->fp && (can || !(f->flags & FILE_BINARY))) {
        raise_closed(t, closed_msg);
        return false;
    }
    if (write && !(f->flags & FILE_WRITABLE)) {
        raise_unsupported(t, (f->flags & FILE_BINARY) ? "write" : "not writable");
        return false;
    }
    if (!write && !(f->flags & FILE_READABLE)) {
        raise_unsupported(t, (f->flags & FILE_BINARY) ? "read" : "not readable");
        return false;
    }
    if (!f->fp) {
        raise_closed(t, closed_msg);
        return false;
    }
    int op = write ? OP_WRITE : OP_READ;
    if (f->last_op != OP_NONE && f->last_op != op)
        fseek(f->fp, 0, SEEK_CUR);
    f->last_op = (uint8_t)op;
    return true;
}

FILE *bt_fileio_text_stream(BtValue v, bool for_write) {
    if (!is_file(v))
        return NULL;
    BtFile *f = (BtFile *)bt_as_obj(v);
    if (!f->fp || (f->flags & FILE_BINARY) || (f->newline == NL_CR || f->newline == NL_CRLF))
        return NULL;
    if (!(f->flags & (for_write ? FILE_WRITABLE : FILE_READABLE)))
        return NULL;
    int op = for_write ? OP_WRITE : OP_READ;
    if (f->last_op != OP_NONE && f->last_op != op)
        fseek(f->fp, 0, SEEK_CUR);
    f->last_op = (uint8_t)op;
    return f->fp;
}

static BtFile *new_file(BtThread *t, BtType *type, FILE *fp, BtValue name, const char *mode,
                        const char *encoding, int flags, int newline) {
    BtFile *f = bt_gc_alloc(t, type, sizeof(BtFile));
    if (!f) {
        if (fp && (flags & FILE_OWNED))
            fclose(fp);
        return NULL;
    }
    f->fp = fp;
    f->buffer = BT_UNDEF;
    if (fp && (flags & FILE_OWNED))
        bt_gc_fd_opened(t);
    f->name = name;
    f->flags = (uint8_t)flags;
    f->newline = (uint8_t)newline;
    BtValue fv = bt_obj(f);
    BT_PUSH_ROOT(t, &fv);
    f->mode = bt_str_from_cstr(t, mode);
    if (f->mode && encoding)
        f->encoding = bt_str_from_cstr(t, encoding);
    BT_POP_ROOT(t, 1);
    if (!f->mode || (encoding && !f->encoding))
        return NULL; /* the collector will close fp */
    return f;
}

BtValue bt_fileio_std(BtThread *t, int fd) {
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    BtValue type = io_attr(t, "TextIOWrapper");
    if (bt_is_undef(type))
        return BT_UNDEF;
    BtValue name = bt_obj(bt_str_from_cstr(t, names[fd]));
    if (!bt_as_obj(name))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &name);
    FILE *fp = fd == 0 ? stdin : fd == 1 ? stdout : stderr;
    BtFile *f = new_file(t, (BtType *)bt_as_obj(type), fp, name, fd == 0 ? "r" : "w", "utf-8",
                         fd == 0 ? FILE_READABLE : FILE_WRITABLE, NL_UNIVERSAL);
    BT_POP_ROOT(t, 1);
    return f ? bt_obj(f) : BT_UNDEF;
}

bool bt_fileio_flush_at_exit(BtThread *t) {
    BtValue saved = bt_take_exc(t);
    BT_PUSH_ROOT(t, &saved);
    BtValue out = bt_import_sys_attr(t, "stdout");
    bt_take_exc(t); /* a missing sys.stdout is no error here */
    BT_PUSH_ROOT(t, &out);
    bool ok = true;
    if (is_file(out) && ((BtFile *)bt_as_obj(out))->fp) {
        BtFile *f = (BtFile *)bt_as_obj(out);
        int err = fflush(f->fp) != 0 ? (errno ? errno : EIO) : f->unflushed;
        clearerr(f->fp);
        f->unflushed = 0;
        if (err) {
            /* CPython's flush_std_files: "Exception ignored in: <sys.stdout>". */
            ok = false;
            bt_raise_errno(t, err, NULL);
            BtValue exc = bt_take_exc(t);
            BT_PUSH_ROOT(t, &exc);
            BtValue repr = bt_repr(t, out);
            BT_PUSH_ROOT(t, &repr); /* bt_str allocates */
            BtValue text = bt_str(t, exc);
            if (!bt_is_undef(repr) && !bt_is_undef(text))
                fprintf(stderr, "Exception ignored in: %s\n%s: %s\n", bt_as_str(repr)->data,
                        bt_type_name(t, exc), bt_as_str(text)->data);
            bt_take_exc(t);
            BT_POP_ROOT(t, 2);
        }
    }
    if (fflush(stdout) != 0 || fflush(stderr) != 0 || ferror(stderr))
        ok = false;
    BT_POP_ROOT(t, 2);
    t->exc = saved;
    return ok;
}

/* ---- UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 if invalid; *why says
 * why in CPython's words. */
static size_t utf8_seq(const uint8_t *s, size_t n, const char **why) {
    uint8_t c = s[0];
    size_t len;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
    } else {
        *why = "invalid start byte";
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if (i >= n) {
            *why = "unexpected end of data";
            return 0;
        }
        if ((s[i] & 0xc0) != 0x80) {
            *why = "invalid continuation byte";
            return 0;
        }
        /* CPython rejects overlong forms and surrogates at the second byte. */
        if (i == 1 &&
            ((len == 3 && c == 0xe0 && s[1] < 0xa0) || (len == 3 && c == 0xed && s[1] > 0x9f) ||
             (len == 4 && c == 0xf0 && s[1] < 0x90) || (len == 4 && c == 0xf4 && s[1] > 0x8f))) {
            *why = "invalid continuation byte";
            return 0;
        }
    }
    return len;
}

/* A str from bytes read from a file; UnicodeDecodeError when not UTF-8. */
static BtValue decode_utf8(BtThread *t, const char *buf, size_t n) {
    const uint8_t *s = (const uint8_t *)buf;
    for (size_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        const char *why = NULL;
        size_t len = utf8_seq(s + i, n - i, &why);
        if (!len) {
            bt_raise(t, BT_EXC(t, UnicodeDecodeError),
                     "'utf-8' codec can't decode byte 0x%02x in position %zu: %s", s[i], i, why);
            return BT_UNDEF;
        }
        i += len;
    }
    BtStr *str = bt_str_new(t, buf, n);
    return str ? bt_obj(str) : BT_UNDEF;
}

/* ---- a growable byte buffer for reads ---- */

typedef struct {
    char *data;
    size_t len, cap;
} Buf;

static bool buf_put(BtThread *t, Buf *b, char c) {
    if (b->len == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 128;
        char *p = realloc(b->data, cap);
        if (!p) {
            bt_raise_memory(t);
            return false;
        }
        b->data = p;
        b->cap = cap;
    }
    b->data[b->len++] = c;
    return true;
}

/* Is a byte buffered in fp, so that the next getc cannot block? glibc shows
 * its read buffer; elsewhere assume not (and ask the descriptor). */
static bool stream_has_input(FILE *fp) {
#ifdef __GLIBC__
    return fp->_IO_read_ptr < fp->_IO_read_end;
#else
    (void)fp;
    return false;
#endif
}

/* Before a read that may block (a terminal, a pipe): wait without the GIL
 * until fp's descriptor has input, an end or an error, so other threads run
 * meanwhile; a Ctrl-C becomes KeyboardInterrupt. The stream itself is only
 * touched with the GIL held. The wait wakes now and then: a signal landing
 * just before poll() starts must not leave it asleep. */
static bool wait_for_input(BtThread *t, FILE *fp) {
    int fd = fileno(fp);
    if (fd < 0 || stream_has_input(fp))
        return true;
    for (;;) {
        struct pollfd p = {.fd = fd, .events = POLLIN};
        BT_RELEASE_GIL(t, "read");
        int rc = poll(&p, 1, 200);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc > 0 || (rc < 0 && err != EINTR))
            return true; /* the read itself reports an error */
        if (!bt_check_signals(t))
            return false;
    }
}

/* Before a write that may block (a pipe or terminal that is not reading):
 * when fp's buffer is about to be flushed, wait without the GIL until the
 * descriptor can take data, so other threads run meanwhile. Cheap when the
 * buffer has room (a pointer compare); a zero-timeout poll first, so a file
 * or a pipe with room never gives the GIL up. */
bool bt_fileio_wait_output(BtThread *t, FILE *fp, size_t size) {
#ifdef __GLIBC__
    if (fp->_IO_write_end - fp->_IO_write_ptr >= (ptrdiff_t)size && fp->_IO_write_ptr)
        return true;
#endif
    int fd = fileno(fp);
    if (fd < 0)
        return true;
    struct pollfd p = {.fd = fd, .events = POLLOUT};
    if (poll(&p, 1, 0) != 0)
        return true; /* room, or an error the write itself reports */
    for (;;) {
        BT_RELEASE_GIL(t, "write");
        int rc = poll(&p, 1, 200);
        int err = errno;
        BT_ACQUIRE_GIL(t);
        if (rc > 0 || (rc < 0 && err != EINTR))
            return true;
        if (!bt_check_signals(t))
            return false;
    }
}

/* Read up to limit bytes (all when limit < 0) into b. */
static bool buf_read_raw(BtThread *t, Buf *b, FILE *fp, int64_t limit) {
    for (;;) {
        size_t want = 65536;
        if (limit >= 0) {
            if ((int64_t)b->len >= limit)
                return true;
            if ((int64_t)(limit - (int64_t)b->len) < (int64_t)want)
                want = (size_t)(limit - (int64_t)b->len);
        }
        if (b->cap - b->len < want) {
            size_t cap = b->cap ? b->cap : 4096;
            while (cap - b->len < want)
                cap *= 2;
            char *p = realloc(b->data, cap);
            if (!p) {
                bt_raise_memory(t);
                return false;
            }
            b->data = p;
            b->cap = cap;
        }
        if (!wait_for_input(t, fp))
            return false;
        size_t got = fread(b->data + b->len, 1, want, fp);
        b->len += got;
        if (got < want) {
            if (ferror(fp)) {
                int err = errno;
                clearerr(fp);
                bt_raise_errno(t, err ? err : EIO, NULL);
                return false;
            }
            clearerr(fp); /* so a file that grows can be read again */
            return true;
        }
    }
}

/* ---- text reading ---- */

/* Read text characters into b: at most `limit` characters (all when < 0),
 * stopping after a line ending when `line`. Applies the newline mode. */
static bool read_text(BtThread *t, BtFile *f, Buf *b, int64_t limit, bool line) {
    FILE *fp = f->fp;
    int64_t chars = 0;
    for (;;) {
        if (!wait_for_input(t, fp))
            return false;
        int c = getc_unlocked(fp);
        if (c == EOF)
            break;
        bool lead = (c & 0xc0) != 0x80;
        if (lead && limit >= 0 && chars >= limit) {
            ungetc(c, fp);
            break;
        }
        if (lead)
            chars++;
        if (c == '\r' && f->newline != NL_LF) {
            if (f->newline == NL_CR) {
                if (!buf_put(t, b, '\r'))
                    return false;
                if (line)
                    break;
                continue;
            }
            int next = getc_unlocked(fp);
            bool crlf = next == '\n';
            if (!crlf && next != EOF)
                ungetc(next, fp);
            if (f->newline == NL_UNIVERSAL) {
                if (!buf_put(t, b, '\n'))
                    return false;
            } else if (f->newline == NL_UNTRANSLATED) {
                if (!buf_put(t, b, '\r') || (crlf && !buf_put(t, b, '\n')))
                    return false;
            } else { /* NL_CRLF: only \r\n ends a line */
                if (!buf_put(t, b, '\r') || (crlf && !buf_put(t, b, '\n')))
                    return false;
                if (!crlf)
                    continue;
            }
            if (line)
                break;
            continue;
        }
        if (!buf_put(t, b, (char)c))
            return false;
        if (c == '\n' && line && f->newline != NL_CR && f->newline != NL_CRLF)
            break;
    }
    if (ferror(fp)) {
        int err = errno;
        clearerr(fp);
        bt_raise_errno(t, err ? err : EIO, NULL);
        return false;
    }
    clearerr(fp);
    return true;
}

/* Universal newlines over a whole buffer: \r\n and \r become \n. */
static void translate_newlines(Buf *b) {
    size_t j = 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->data[i];
        if (c == '\r') {
            if (i + 1 < b->len && b->data[i + 1] == '\n')
                i++;
            c = '\n';
        }
        b->data[j++] = c;
    }
    b->len = j;
}

/* One line (or up to limit characters) as str or bytes; "" at the end. */
static BtValue file_readline_value(BtThread *t, BtFile *f, int64_t limit) {
    Buf b = {0};
    BtValue r;
    if (f->flags & FILE_BINARY) {
        for (;;) {
            if (limit >= 0 && (int64_t)b.len >= limit)
                break;
            int c = getc_unlocked(f->fp);
            if (c == EOF)
                break;
            if (!buf_put(t, &b, (char)c)) {
                free(b.data);
                return BT_UNDEF;
            }
            if (c == '\n')
                break;
        }
        clearerr(f->fp);
        BtBytes *by = bt_bytes_new(t, (const uint8_t *)b.data, b.len);
        r = by ? bt_obj(by) : BT_UNDEF;
    } else {
        r = read_text(t, f, &b, limit, true) ? decode_utf8(t, b.data, b.len) : BT_UNDEF;
    }
    free(b.data);
    return r;
}

/* ---- argument helpers ---- */

static BtFile *self_file(BtValue self) {
    return (BtFile *)bt_as_obj(self);
}

/* An optional size argument: None or missing is -1. */
static bool size_arg(BtThread *t, BtValue v, int64_t *out) {
    if (bt_is_undef(v) || bt_is_none(v)) {
        *out = -1;
        return true;
    }
    if (!bt_is_intlike(v)) {
        bt_raise(t, BT_EXC(t, TypeError), "argument should be integer or None, not '%s'",
                 bt_type_name(t, v));
        return false;
    }
    *out = bt_as_int(v);
    return true;
}

/* Methods take positional arguments only: raise CPython's text otherwise. */
static bool method_args(BtThread *t, BtValue self, const char *meth, int nargs, BtTuple *kwnames,
                        int min, int max) {
    if (!is_file(self)) {
        /* Called unbound through the class with something else. */
        bt_raise(t, BT_EXC(t, TypeError), "descriptor '%s' requires a file object", meth);
        return false;
    }
    char name[96];
    snprintf(name, sizeof name, "%s.%s", bt_type_name(t, self), meth);
    return bt_check_args(t, name, nargs, kwnames, min, max);
}

/* ---- the methods ---- */

static BtValue file_read(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtFile *f = self_file(self);
    int64_t n;
    if (!method_args(t, self, "read", nargs, kwnames, 0, 1) ||
        !size_arg(t, nargs ? args[0] : BT_UNDEF, &n))
        return BT_UNDEF;
    bool bin = f->flags & FILE_BINARY;
    if (!file_ready(t, f, false, bin ? "read of closed file" : NULL))
        return BT_UNDEF;
    Buf b = {0};
    BtValue r = BT_UNDEF;
    if (bin) {
        if (buf_read_raw(t, &b, f->fp, n)) {
            BtBytes *by = bt_bytes_new(t, (const uint8_t *)b.data, b.len);
            r = by ? bt_obj(by) : BT_UNDEF;
        }
    } else if (n < 0 && f->newline != NL_CR && f->newline != NL_CRLF) {
        if (buf_read_raw(t, &b, f->fp, -1)) {
            if (f->newline == NL_UNIVERSAL)
                translate_newlines(&b);
            r = decode_utf8(t, b.data, b.len);
        }
    } else if (read_text(t, f, &b, n, false)) {
        r = decode_utf8(t, b.data, b.len);
    }
    free(b.data);
    return r;
}

static BtValue file_readline(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    BtFile *f = self_file(self);
    int64_t n;
    if (!method_args(t, self, "readline", nargs, kwnames, 0, 1) ||
        !size_arg(t, nargs ? args[0] : BT_UNDEF, &n))
        return BT_UNDEF;
    if (!file_ready(t, f, false, (f->flags & FILE_BINARY) ? "readline of closed file" : NULL))
        return BT_UNDEF;
    return file_readline_value(t, f, n);
}

static BtValue file_readlines(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    BtFile *f = self_file(self);
    int64_t hint;
    if (!method_args(t, self, "readlines", nargs, kwnames, 0, 1) ||
        !size_arg(t, nargs ? args[0] : BT_UNDEF, &hint) || !file_ready(t, f, false, NULL))
        return BT_UNDEF;
    BtValue list = bt_obj(bt_list_new(t, 0));
    if (!bt_as_obj(list))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &list);
    int64_t total = 0;
    BtValue r = list;
    for (;;) {
        BtValue line = file_readline_value(t, f, -1);
        if (bt_is_undef(line)) {
            r = BT_UNDEF;
            break;
        }
        int64_t len = (int64_t)bt_len(t, line);
        if (len == 0)
            break;
        BT_PUSH_ROOT(t, &line);
        bool ok = bt_list_append(t, bt_as_list(list), line);
        BT_POP_ROOT(t, 1);
        if (!ok) {
            r = BT_UNDEF;
            break;
        }
        total += len;
        if (hint > 0 && total >= hint)
            break;
    }
    BT_POP_ROOT(t, 1);
    return r;
}

/* Write a str's text with the file's newline translation. */
static bool write_text(BtThread *t, BtFile *f, BtStr *s) {
    const char *nl = f->newline == NL_CR ? "\r" : f->newline == NL_CRLF ? "\r\n" : NULL;
    size_t written;
    if (!nl || !memchr(s->data, '\n', s->size)) {
        written = fwrite(s->data, 1, s->size, f->fp);
        if (written == s->size)
            return true;
    } else {
        for (size_t i = 0; i < s->size; i++) {
            int ok = s->data[i] == '\n' ? fputs(nl, f->fp) : putc_unlocked(s->data[i], f->fp);
            if (ok == EOF)
                goto fail;
        }
        return true;
    }
fail:
    return raise_write_error(t, f->fp, errno);
}

static BtValue file_write(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtFile *f = self_file(self);
    if (!method_args(t, self, "write", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (f->flags & FILE_BINARY) {
        if (!file_ready(t, f, true, "write to closed file"))
            return BT_UNDEF;
        BtBytes *b = bt_bytes_of_arg(t, &args[0]);
        if (!b) {
            if (!bt_has_exc(t))
                bt_raise(t, BT_EXC(t, TypeError), "a bytes-like object is required, not '%s'",
                         bt_type_name(t, args[0]));
            return BT_UNDEF;
        }
        if (!bt_fileio_wait_output(t, f->fp, b->size))
            return BT_UNDEF;
        if (fwrite(b->data, 1, b->size, f->fp) != b->size) {
            raise_write_error(t, f->fp, errno);
            return BT_UNDEF;
        }
        return bt_int((int64_t)b->size);
    }
    if (!file_ready(t, f, true, NULL))
        return BT_UNDEF;
    if (!bt_is_str(t, bt_unbox(args[0]))) {
        bt_raise(t, BT_EXC(t, TypeError), "write() argument must be str, not %s",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtStr *s = bt_as_str(bt_unbox(args[0]));
    if (!bt_fileio_wait_output(t, f->fp, s->size) || !write_text(t, f, s))
        return BT_UNDEF;
    /* The console's stderr is unbuffered-ish in CPython: keep it prompt. */
    if (f->fp == stderr)
        fflush(stderr);
    return bt_int((int64_t)s->length);
}

static BtValue file_writelines(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    if (!method_args(t, self, "writelines", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    if (!file_ready(t, self_file(self), true, NULL))
        return BT_UNDEF;
    BtValue it = bt_iter(t, args[0]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BtValue r = BT_NONE;
    for (;;) {
        BtValue item = bt_next(t, it);
        if (bt_is_undef(item)) {
            if (bt_has_exc(t))
                r = BT_UNDEF;
            break;
        }
        BT_PUSH_ROOT(t, &item);
        BtValue w = file_write(t, self, &item, 1, NULL);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(w)) {
            r = BT_UNDEF;
            break;
        }
    }
    BT_POP_ROOT(t, 1);
    return r;
}

/* Close the stream (flushing it); the std streams are only marked closed. */
static bool close_file(BtThread *t, BtFile *f) {
    if (!f->fp)
        return true;
    FILE *fp = f->fp;
    f->fp = NULL;
    f->flags |= FILE_CLOSED;
    if ((f->flags & FILE_OWNED) && t->interp->fd_closing) /* a pipe a task waits on */
        t->interp->fd_closing(t->interp, t, fileno(fp));
    if (f->flags & FILE_OWNED)
        bt_gc_fd_closed(t->interp);
    int rc = (f->flags & FILE_OWNED) ? fclose(fp) : fflush(fp);
    if (rc != 0) {
        bt_raise_errno(t, errno ? errno : EIO, NULL);
        return false;
    }
    return true;
}

static BtValue file_close(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!method_args(t, self, "close", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    return close_file(t, self_file(self)) ? BT_NONE : BT_UNDEF;
}

static BtValue file_flush(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    BtFile *f = self_file(self);
    if (!method_args(t, self, "flush", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!f->fp)
        return raise_closed(t, NULL);
    return flush_file(t, f) ? BT_NONE : BT_UNDEF;
}

static BtValue file_enter(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!method_args(t, self, "__enter__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!self_file(self)->fp)
        return raise_closed(t, NULL);
    return self;
}

static BtValue file_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    if (!method_args(t, self, "__exit__", nargs, kwnames, 0, 3))
        return BT_UNDEF;
    return close_file(t, self_file(self)) ? BT_NONE : BT_UNDEF;
}

static BtValue file_iter_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!method_args(t, self, "__iter__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!self_file(self)->fp)
        return raise_closed(t, NULL);
    return self;
}

/* The iter slot: a file is its own iterator. */
static BtValue file_iter(BtThread *t, BtValue self) {
    if (!self_file(self)->fp)
        return raise_closed(t, NULL);
    return self;
}

/* The next slot: the next line; exhausted (BT_UNDEF, no exception) at the end. */
static BtValue file_next(BtThread *t, BtValue self) {
    BtFile *f = self_file(self);
    if (!file_ready(t, f, false, (f->flags & FILE_BINARY) ? "readline of closed file" : NULL))
        return BT_UNDEF;
    BtValue line = file_readline_value(t, f, -1);
    if (bt_is_undef(line))
        return BT_UNDEF;
    size_t size = (f->flags & FILE_BINARY) ? ((BtBytes *)bt_as_obj(line))->size : bt_as_str(line)->size;
    return size ? line : BT_UNDEF;
}

static BtValue file_next_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)args;
    if (!method_args(t, self, "__next__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    BtValue v = file_next(t, self);
    if (bt_is_undef(v) && !bt_has_exc(t))
        bt_raise_empty(t, BT_EXC(t, StopIteration));
    return v;
}

static BtValue file_seek(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    BtFile *f = self_file(self);
    if (!method_args(t, self, "seek", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    if (!f->fp)
        return raise_closed(t, (f->flags & FILE_BINARY) ? "seek of closed file" : NULL);
    if (!bt_is_intlike(args[0]) || (nargs > 1 && !bt_is_intlike(args[1]))) {
        BtValue bad = !bt_is_intlike(args[0]) ? args[0] : args[1];
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object cannot be interpreted as an integer",
                 bt_type_name(t, bad));
        return BT_UNDEF;
    }
    int64_t off = bt_as_int(args[0]);
    int64_t whence = nargs > 1 ? bt_as_int(args[1]) : 0;
    if (whence < 0 || whence > 2) {
        bt_raise(t, BT_EXC(t, ValueError), "invalid whence (%lld, should be 0, 1 or 2)",
                 (long long)whence);
        return BT_UNDEF;
    }
    if (!(f->flags & FILE_BINARY)) {
        if (whence == 1 && off != 0)
            return raise_unsupported(t, "can't do nonzero cur-relative seeks");
        if (whence == 2 && off != 0)
            return raise_unsupported(t, "can't do nonzero end-relative seeks");
    }
    if (whence == 0 && off < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "negative seek position %lld", (long long)off);
        return BT_UNDEF;
    }
    int w = whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END;
    if (fseeko(f->fp, (off_t)off, w) != 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    f->last_op = OP_NONE;
    return bt_int_from_i64(t, (int64_t)ftello(f->fp));
}

static BtValue file_tell(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    BtFile *f = self_file(self);
    if (!method_args(t, self, "tell", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!f->fp)
        return raise_closed(t, (f->flags & FILE_BINARY) ? "I/O operation on closed file" : NULL);
    off_t pos = ftello(f->fp);
    if (pos < 0) {
        bt_raise_errno(t, errno, NULL);
        return BT_UNDEF;
    }
    return bt_int_from_i64(t, (int64_t)pos);
}

static BtValue file_fileno(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    BtFile *f = self_file(self);
    if (!method_args(t, self, "fileno", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!f->fp)
        return raise_closed(t, "I/O operation on closed file");
    return bt_int(fileno(f->fp));
}

/* readable() / writable() / seekable() / isatty(), chosen by which. */
static BtValue file_query(BtThread *t, BtValue self, int nargs, BtTuple *kwnames,
                          const char *meth) {
    BtFile *f = self_file(self);
    if (!method_args(t, self, meth, nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (!f->fp)
        return raise_closed(t, "I/O operation on closed file");
    switch (meth[0]) {
    case 'r':
        return bt_bool(f->flags & FILE_READABLE);
    case 'w':
        return bt_bool(f->flags & FILE_WRITABLE);
    case 's': {
        off_t pos = ftello(f->fp);
        return bt_bool(pos >= 0 && !isatty(fileno(f->fp)));
    }
    default:
        return bt_bool(isatty(fileno(f->fp)));
    }
}

static BtValue file_readable(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    return file_query(t, self, nargs, kwnames, "readable");
}
static BtValue file_writable(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    return file_query(t, self, nargs, kwnames, "writable");
}
static BtValue file_seekable(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)args;
    return file_query(t, self, nargs, kwnames, "seekable");
}
static BtValue file_isatty(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)args;
    return file_query(t, self, nargs, kwnames, "isatty");
}

static const BtNativeDef file_methods[] = {
    {"read", file_read},
    {"readline", file_readline},
    {"readlines", file_readlines},
    {"write", file_write},
    {"writelines", file_writelines},
    {"close", file_close},
    {"flush", file_flush},
    {"seek", file_seek},
    {"tell", file_tell},
    {"fileno", file_fileno},
    {"readable", file_readable},
    {"writable", file_writable},
    {"seekable", file_seekable},
    {"isatty", file_isatty},
    {"__enter__", file_enter},
    {"__exit__", file_exit},
    {"__iter__", file_iter_method},
    {"__next__", file_next_method},
    {NULL, NULL},
};

/* ---- slots ---- */

/* closed, name, mode and encoding are computed attributes. */
/* sys.stdout.buffer and friends: a binary file writing to (or reading from)
 * the same C stream, so text and bytes come out in the order written. Only
 * the std streams have one: they are never fclose'd, so the two objects can
 * share the FILE (a text file from open() owns its FILE and has none). */
static BtValue std_buffer(BtThread *t, BtFile *f) {
    if (!bt_is_undef(f->buffer))
        return f->buffer;
    bool rd = f->flags & FILE_READABLE;
    int flags = FILE_BINARY | (f->flags & (FILE_READABLE | FILE_WRITABLE));
    /* Under PYTHONUNBUFFERED (python3 -u) CPython's stdout and stderr have a
     * raw FileIO there, and programs can tell (its repr, its type). */
    const char *unbuffered = getenv("PYTHONUNBUFFERED");
    BtValue type = io_attr(t, rd ? "BufferedReader"
                              : unbuffered && *unbuffered ? "FileIO"
                                                          : "BufferedWriter");
    if (bt_is_undef(type))
        return BT_UNDEF;
    BtValue keep = bt_obj(f);
    BT_PUSH_ROOT(t, &keep);
    BtFile *b = new_file(t, (BtType *)bt_as_obj(type), f->fp, f->name, rd ? "rb" : "wb", NULL,
                         flags, NL_UNIVERSAL);
    BT_POP_ROOT(t, 1);
    if (!b)
        return BT_UNDEF;
    f->buffer = bt_obj(b);
    return f->buffer;
}

static BtValue file_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtFile *f = self_file(self);
    const char *n = name->data;
    switch (n[0]) {
    case 'c':
        if (strcmp(n, "closed") == 0)
            return bt_bool(f->fp == NULL);
        break;
    case 'n':
        if (strcmp(n, "name") == 0)
            return f->name;
        break;
    case 'm':
        if (strcmp(n, "mode") == 0)
            return bt_obj(f->mode);
        break;
    case 'e':
        if (strcmp(n, "encoding") == 0 && f->encoding)
            return bt_obj(f->encoding);
        break;
    case 'b':
        if (strcmp(n, "buffer") == 0 && !(f->flags & (FILE_BINARY | FILE_OWNED)) && f->fp)
            return std_buffer(t, f);
        break;
    }
    return bt_generic_getattr(t, self, name);
}

static BtValue file_repr(BtThread *t, BtValue self) {
    BtFile *f = self_file(self);
    BtStr *type = bt_type_of(t, self)->name;
    BtStr *s;
    if (strcmp(type->data, "FileIO") == 0)
        s = bt_str_format(t, "<_io.FileIO name=%R mode=%R closefd=False>", f->name,
                          bt_obj(f->mode));
    else if (f->flags & FILE_BINARY)
        s = bt_str_format(t, "<_io.%S name=%R>", type, f->name);
    else
        s = bt_str_format(t, "<_io.%S name=%R mode=%R encoding=%R>", type, f->name, bt_obj(f->mode),
                          bt_obj(f->encoding));
    return s ? bt_obj(s) : BT_UNDEF;
}

static void file_trace(BtGc *gc, BtObject *self) {
    BtFile *f = (BtFile *)self;
    bt_gc_mark(gc, f->name);
    if (f->mode)
        bt_gc_mark_obj(gc, (BtObject *)f->mode);
    if (f->encoding)
        bt_gc_mark_obj(gc, (BtObject *)f->encoding);
    bt_gc_mark(gc, f->buffer);
}

static void file_finalize(BtInterp *interp, BtObject *self) {
    BtFile *f = (BtFile *)self;
    if (f->fp && (f->flags & FILE_OWNED) && interp->fd_closing)
        interp->fd_closing(interp, NULL, fileno(f->fp));
    if (f->fp && (f->flags & FILE_OWNED)) {
        fclose(f->fp);
        bt_gc_fd_closed(interp);
    } else if (f->fp)
        fflush(f->fp);
    f->fp = NULL;
}

static BtType *make_file_type(BtThread *t, const char *name) {
    BtType *type = bt_type_new_native(t, name, NULL, sizeof(BtFile));
    if (!type)
        return NULL;
    BtValue tv = bt_obj(type);
    BT_PUSH_ROOT(t, &tv);
    type->repr = file_repr;
    type->getattr = file_getattr;
    type->iter = file_iter;
    type->next = file_next;
    type->trace = file_trace;
    type->finalize = file_finalize;
    BtStr *mod = bt_str_intern_cstr(t, "_io");
    bool ok = mod && bt_type_add_methods(t, type, file_methods);
    if (ok)
        type->module = mod;
    BT_POP_ROOT(t, 1);
    return ok ? type : NULL;
}

/* io.UnsupportedOperation: both an OSError and a ValueError, as in CPython. */
static BtValue make_unsupported(BtThread *t) {
    BtValue ns = bt_obj(bt_dict_new(t));
    if (!bt_as_obj(ns))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &ns);
    BtValue name = BT_UNDEF, bases = BT_UNDEF, cls = BT_UNDEF;
    BT_PUSH_ROOT(t, &name);
    BT_PUSH_ROOT(t, &bases);
    BtStr *modname = bt_str_intern_cstr(t, "io");
    BtStr *n = bt_str_intern_cstr(t, "UnsupportedOperation");
    if (modname && n &&
        bt_dict_set_str(t, bt_as_dict(ns), BT_NAME(t, dunder_module), bt_obj(modname))) {
        name = bt_obj(n);
        BtValue pair[2] = {bt_obj(BT_EXC(t, OSError)), bt_obj(BT_EXC(t, ValueError))};
        BtTuple *tb = bt_tuple_from(t, pair, 2);
        if (tb) {
            bases = bt_obj(tb);
            cls = bt_type_new_class(t, n, tb, bt_as_dict(ns));
            if (bt_is_undef(cls)) {
                /* A VM that cannot mix the two layouts still gets an OSError. */
                bt_take_exc(t);
                tb = bt_tuple_from(t, pair, 1);
                if (tb) {
                    bases = bt_obj(tb);
                    cls = bt_type_new_class(t, n, tb, bt_as_dict(ns));
                }
            }
        }
    }
    BT_POP_ROOT(t, 3);
    return cls;
}

BtModule *bt_fileio_module_create(BtThread *t) {
    static const BtNativeDef functions[] = {{"open", bt_fileio_open}, {NULL, NULL}};
    static const char *const types[] = {"TextIOWrapper", "BufferedReader", "BufferedWriter",
                                        "BufferedRandom", "FileIO"};
    BtStr *name = bt_str_intern_cstr(t, "_io");
    if (!name)
        return NULL;
    BtModule *m = bt_module_new(t, name);
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, functions);
    BtValue tv = BT_UNDEF;
    BT_PUSH_ROOT(t, &tv);
    for (size_t i = 0; ok && i < sizeof types / sizeof types[0]; i++) {
        BtType *type = make_file_type(t, types[i]);
        tv = type ? bt_obj(type) : BT_UNDEF;
        ok = type && bt_dict_set_str(t, m->dict, type->name, tv);
    }
    if (ok) {
        tv = make_unsupported(t);
        ok = !bt_is_undef(tv) && bt_dict_set_str(t, m->dict, ((BtType *)bt_as_obj(tv))->name, tv);
    }
    BT_POP_ROOT(t, 2);
    return ok ? m : NULL;
}

/* ---- open() ---- */

/* Parse an open() mode string into FILE_* flags and an fopen mode. */
static bool parse_mode(BtThread *t, BtStr *mode, int *flags_out, char *fmode) {
    int r = 0, w = 0, x = 0, a = 0, plus = 0, text = 0, bin = 0;
    for (size_t i = 0; i < mode->size; i++) {
        int *slot;
        switch (mode->data[i]) {
        case 'r':
            slot = &r;
            break;
        case 'w':
            slot = &w;
            break;
        case 'x':
            slot = &x;
            break;
        case 'a':
            slot = &a;
            break;
        case '+':
            slot = &plus;
            break;
        case 't':
            slot = &text;
            break;
        case 'b':
            slot = &bin;
            break;
        default:
            slot = NULL;
            break;
        }
        if (!slot || *slot) {
            bt_raise(t, BT_EXC(t, ValueError), "invalid mode: %R", bt_obj(mode));
            return false;
        }
        *slot = 1;
    }
    if (text && bin) {
        bt_raise(t, BT_EXC(t, ValueError), "can't have text and binary mode at once");
        return false;
    }
    if (r + w + x + a > 1) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "must have exactly one of create/read/write/append mode");
        return false;
    }
    if (r + w + x + a == 0) {
        bt_raise(t, BT_EXC(t, ValueError),
                 "Must have exactly one of create/read/write/append mode and at most one plus");
        return false;
    }
    int flags = FILE_OWNED | (bin ? FILE_BINARY : 0);
    if (r)
        flags |= FILE_READABLE | (plus ? FILE_WRITABLE : 0);
    else
        flags |= FILE_WRITABLE | (plus ? FILE_READABLE : 0);
    if (a)
        flags |= FILE_APPEND;
    char *p = fmode;
    *p++ = r ? 'r' : a ? 'a' : 'w';
    if (plus)
        *p++ = '+';
    if (x)
        *p++ = 'x';
    *p++ = 'e'; /* O_CLOEXEC: children started later must not inherit files */
    *p = '\0';
    *flags_out = flags;
    return true;
}

/* The file type for these flags, from the _io module. */
static BtType *file_type_for(BtThread *t, int flags) {
    const char *name = "TextIOWrapper";
    if (flags & FILE_BINARY) {
        bool rd = flags & FILE_READABLE, wr = flags & FILE_WRITABLE;
        name = rd && wr ? "BufferedRandom" : rd ? "BufferedReader" : "BufferedWriter";
    }
    BtValue v = io_attr(t, name);
    return bt_is_undef(v) ? NULL : (BtType *)bt_as_obj(v);
}

static bool is_utf8_name(const char *e) {
    char low[16];
    size_t n = strlen(e);
    if (n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)((e[i] >= 'A' && e[i] <= 'Z') ? e[i] + 32 : e[i]);
    return !strcmp(low, "utf-8") || !strcmp(low, "utf8") || !strcmp(low, "utf_8") ||
           !strcmp(low, "u8") || !strcmp(low, "ascii") || !strcmp(low, "us-ascii");
}

BtValue bt_fileio_open(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"file",   "|mode",   "buffering", "encoding",
                                         "errors", "newline", "closefd",   NULL};
    BtValue a[7];
    if (!bt_parse_args(t, "open", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue file = a[0];
    /* A descriptor beyond a C int is taken for a path, as CPython does. */
    bool fd_fits = bt_is_intlike(file) && bt_as_int(file) >= INT_MIN && bt_as_int(file) <= INT_MAX;
    if (!bt_is_str(t, file) && !fd_fits) {
        bt_raise(t, BT_EXC(t, TypeError), "expected str, bytes or os.PathLike object, not %s",
                 bt_type_name(t, file));
        return BT_UNDEF;
    }
    /* The C library would stop at the NUL and open another file. */
    if (bt_is_str(t, file) && memchr(bt_as_str(file)->data, '\0', bt_as_str(file)->size)) {
        bt_raise(t, BT_EXC(t, ValueError), "embedded null byte");
        return BT_UNDEF;
    }
    if (fd_fits && bt_as_int(file) < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "negative file descriptor");
        return BT_UNDEF;
    }
    BtValue mode = a[1];
    if (bt_is_undef(mode)) {
        BtStr *r = bt_str_intern_cstr(t, "r");
        if (!r)
            return BT_UNDEF;
        mode = bt_obj(r);
        a[1] = mode; /* a[] lives on the C stack: keep mode reachable below */
    } else if (!bt_is_str(t, mode)) {
        bt_raise(t, BT_EXC(t, TypeError), "open() argument 'mode' must be str, not %s",
                 bt_type_name(t, mode));
        return BT_UNDEF;
    }
    if (memchr(bt_as_str(mode)->data, '\0', bt_as_str(mode)->size)) {
        bt_raise(t, BT_EXC(t, ValueError), "embedded null character");
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &a[1]);
    int flags;
    char fmode[8];
    BtValue result = BT_UNDEF;
    if (!parse_mode(t, bt_as_str(mode), &flags, fmode))
        goto out;
    BtValue enc = a[3], nlv = a[5];
    bool bin = flags & FILE_BINARY;
    if (!bt_is_undef(enc) && !bt_is_none(enc) && !bt_is_str(t, enc)) {
        bt_raise(t, BT_EXC(t, TypeError), "open() argument 'encoding' must be str or None, not %s",
                 bt_type_name(t, enc));
        goto out;
    }
    if (!bt_is_undef(nlv) && !bt_is_none(nlv) && !bt_is_str(t, nlv)) {
        bt_raise(t, BT_EXC(t, TypeError), "open() argument 'newline' must be str or None, not %s",
                 bt_type_name(t, nlv));
        goto out;
    }
    bool has_enc = bt_is_str(t, enc), has_nl = bt_is_str(t, nlv);
    if ((has_enc && memchr(bt_as_str(enc)->data, '\0', bt_as_str(enc)->size)) ||
        (has_nl && memchr(bt_as_str(nlv)->data, '\0', bt_as_str(nlv)->size))) {
        bt_raise(t, BT_EXC(t, ValueError), "embedded null character");
        goto out;
    }
    bool has_err = !bt_is_undef(a[4]) && !bt_is_none(a[4]);
    if (bin && (has_enc || has_err || has_nl)) {
        bt_raise(t, BT_EXC(t, ValueError), "binary mode doesn't take %s argument",
                 has_enc   ? "an encoding"
                 : has_err ? "an errors"
                           : "a newline");
        goto out;
    }
    if (!bin && bt_is_intlike(a[2]) && bt_as_int(a[2]) == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "can't have unbuffered text I/O");
        goto out;
    }
    int newline = NL_UNIVERSAL;
    if (has_nl) {
        const char *s = bt_as_str(nlv)->data;
        if (!strcmp(s, ""))
            newline = NL_UNTRANSLATED;
        else if (!strcmp(s, "\n"))
            newline = NL_LF;
        else if (!strcmp(s, "\r"))
            newline = NL_CR;
        else if (!strcmp(s, "\r\n"))
            newline = NL_CRLF;
        else {
            bt_raise(t, BT_EXC(t, ValueError), "illegal newline value: %s", s);
            goto out;
        }
    }
    const char *encoding = has_enc ? bt_as_str(enc)->data : "UTF-8";
    if (has_enc && !is_utf8_name(encoding)) {
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "open(): Baton reads and writes text files as UTF-8 only, not %s", encoding);
        goto out;
    }
    BtType *type = file_type_for(t, flags);
    if (!type)
        goto out;
    FILE *fp;
    if (bt_is_intlike(file)) {
        int fd = (int)bt_as_int(file);
        /* closefd=False: work on a duplicate so that closing leaves fd open. */
        if (!bt_is_undef(a[6]) && bt_truthy(t, a[6]) == 0) {
            int orig = fd;
            fd = dup(orig);
            if (fd < 0 && bt_gc_fd_exhausted(t, errno))
                fd = dup(orig);
        }
        fp = fd < 0 ? NULL : fdopen(fd, fmode);
    } else {
        /* CPython closes a dropped file at once (reference counting), so
         * `open(p, 'w').write(s)` followed by a read of p sees s. Baton
         * collects later: flushing every C stream here gives the same view. */
        fflush(NULL);
        fp = fopen(bt_as_str(file)->data, fmode);
        /* Out of descriptors: collecting may close dropped files and sockets. */
        if (!fp && bt_gc_fd_exhausted(t, errno))
            fp = fopen(bt_as_str(file)->data, fmode);
    }
    struct stat st;
    if (fp && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        /* C opens a directory for reading; Python refuses. */
        fclose(fp);
        fp = NULL;
        errno = EISDIR;
    }
    if (!fp) {
        bt_raise_errno(t, errno, bt_is_str(t, file) ? bt_as_str(file)->data : NULL);
        goto out;
    }
    BtFile *f =
        new_file(t, type, fp, file, bt_as_str(mode)->data, bin ? NULL : encoding, flags, newline);
    if (f)
        result = bt_obj(f);
out:
    BT_POP_ROOT(t, 1);
    return result;
}
