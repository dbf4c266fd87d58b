/* builtins.c: the builtins module (stdlib stage; see stdlib/README.md).
 *
 * Every builtin function is a native from one const table; the built-in
 * types, the exception classes and the iterator types made here (enumerate,
 * zip, map, filter, reversed) are bound by name. Argument
 * errors use CPython 3.11's exact texts, which differ from builtin to
 * builtin ("len() takes exactly one argument", "iter expected at least 1
 * argument"), so each builtin checks its own. print() writes straight into
 * the C stream when the target is a text file (sys.stdout, usually): no
 * Python-level call and no temporary string for str/int arguments.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdlib/fileio.h"
#include "stdlib/stdlib.h"
#include "vm/gen.h"
#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/import.h"
#include "vm/frame.h"
#include "vm/func.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/range.h"
#include "vm/str.h"
#include "vm/strformat.h"

/* A keyword value: args[nargs + i] (see BtNativeFn in vm/object.h). */
#define KWARG(args, nargs, i) ((args)[(nargs) + (i)])

/* ---- argument helpers (each builtin has CPython's own wording) ---- */

static int nkw(BtTuple *kwnames) {
    return kwnames ? (int)kwnames->len : 0;
}

static const char *kw_name(BtTuple *kwnames, int i) {
    return bt_as_str(kwnames->items[i])->data;
}

static bool no_kw(BtThread *t, const char *name, BtTuple *kwnames) {
    if (nkw(kwnames) == 0)
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
    return false;
}

/* "len() takes exactly one argument (2 given)" */
static bool one_arg(BtThread *t, const char *name, int nargs, BtTuple *kwnames) {
    if (!no_kw(t, name, kwnames))
        return false;
    if (nargs == 1)
        return true;
    bt_raise(t, BT_EXC(t, TypeError), "%s() takes exactly one argument (%d given)", name, nargs);
    return false;
}

/* "iter expected at least 1 argument, got 0" and its siblings. */
static bool expect_args(BtThread *t, const char *name, int nargs, BtTuple *kwnames, int min,
                        int max) {
    if (!no_kw(t, name, kwnames))
        return false;
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max)
        bt_raise(t, BT_EXC(t, TypeError), "%s expected %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", nargs);
    else if (nargs < min)
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at least %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", nargs);
    else
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at most %d argument%s, got %d", name, max,
                 max == 1 ? "" : "s", nargs);
    return false;
}

/* Positional-or-keyword parameters: fill out[0..nparams) (BT_UNDEF when not
 * given) from args, raising "f() takes at most N arguments (M given)" and
 * "'x' is an invalid keyword argument for f()". */
static bool collect_args(BtThread *t, const char *fname, BtValue *args, int nargs, BtTuple *kwnames,
                         const char *const *params, int nparams, BtValue *out) {
    if (nargs > nparams) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes at most %d argument%s (%d given)", fname,
                 nparams, nparams == 1 ? "" : "s", nargs + nkw(kwnames));
        return false;
    }
    for (int i = 0; i < nparams; i++)
        out[i] = i < nargs ? args[i] : BT_UNDEF;
    for (int k = 0; k < nkw(kwnames); k++) {
        const char *kn = kw_name(kwnames, k);
        int i = 0;
        while (i < nparams && strcmp(params[i], kn) != 0)
            i++;
        if (i == nparams) {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for %s()", kn,
                     fname);
            return false;
        }
        if (!bt_is_undef(out[i])) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "argument for %s() given by name ('%s') and position (%d)", fname, kn, i + 1);
            return false;
        }
        out[i] = KWARG(args, nargs, k);
    }
    return true;
}

static bool missing_arg(BtThread *t, const char *fname, const char *param, int pos) {
    bt_raise(t, BT_EXC(t, TypeError), "%s() missing required argument '%s' (pos %d)", fname, param,
             pos);
    return false;
}

/* Is v a class (an instance of type)? */
static bool is_type(BtThread *t, BtValue v) {
    return bt_is_class(t, v);
}

/* The nearest built-in type of ty's bases: a class's own slots are generic
 * dispatchers, so whether it supports a protocol is its dunder or this. */
static BtType *builtin_base(BtType *ty) {
    while (ty && (ty->flags & BT_TYPE_HEAPTYPE))
        ty = ty->base;
    return ty;
}

/* Does ty define dunder (classes) or fill the matching slot (built-ins)? */
static bool has_protocol(BtType *ty, BtStr *dunder, bool builtin_slot) {
    return builtin_slot || !bt_is_undef(bt_type_lookup(ty, dunder));
}

/* Call obj.name(*args) when obj's type defines name; *found says whether it did. */
static BtValue call_dunder(BtThread *t, BtValue obj, BtStr *name, BtValue *args, int nargs,
                           bool *found) {
    *found = !bt_is_undef(bt_type_lookup(bt_type_of(t, obj), name));
    if (!*found)
        return BT_UNDEF;
    BtValue m = bt_getattr(t, obj, name);
    if (bt_is_undef(m))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &m);
    BtValue r = bt_call(t, m, args, nargs, NULL);
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue new_str(BtThread *t, const char *s, size_t n) {
    BtStr *str = bt_str_new(t, s, n);
    return str ? bt_obj(str) : BT_UNDEF;
}

static BtValue new_list_value(BtList *l) {
    return l ? bt_obj(l) : BT_UNDEF;
}

/* A new tuple (a, b); a and b must be reachable or immediate. */
static BtValue pair(BtThread *t, BtValue a, BtValue b) {
    BtValue items[2] = {a, b};
    BT_PUSH_ROOT(t, &items[0]);
    BT_PUSH_ROOT(t, &items[1]);
    BtTuple *tp = bt_tuple_from(t, items, 2);
    BT_POP_ROOT(t, 2);
    return tp ? bt_obj(tp) : BT_UNDEF;
}

/* ---- sys lookups for print and input ---- */

/* sys.<name> (stdout, stdin, stderr); RuntimeError "lost sys.x" when gone. */
static BtValue sys_attr(BtThread *t, const char *name) {
    BtStr *sys = bt_str_intern_cstr(t, "sys");
    BtStr *key = sys ? bt_str_intern_cstr(t, name) : NULL;
    if (!key)
        return BT_UNDEF;
    BtValue m = bt_dict_get_str(t->interp->modules, sys);
    BtValue v = BT_UNDEF;
    if (bt_is_obj(m) && bt_as_obj(m)->type == BT_TYPE(t, module))
        v = bt_dict_get_str(((BtModule *)bt_as_obj(m))->dict, key);
    if (bt_is_undef(v))
        bt_raise(t, BT_EXC(t, RuntimeError), "lost sys.%s", name);
    return v;
}

/* ---- print / input ---- */

/* Write str(v) to a C stream; common types need no new string. */
static bool print_value(BtThread *t, FILE *fp, BtValue v) {
    switch (bt_kind(v)) {
    case BT_V_NONE:
        fputs("None", fp);
        return true;
    case BT_V_BOOL:
        fputs(bt_as_bool(v) ? "True" : "False", fp);
        return true;
    case BT_V_INT:
        fprintf(fp, "%" PRId64, bt_as_i64(v));
        return true;
    case BT_V_FLOAT: {
        char buf[40];
        fwrite(buf, 1, bt_float_repr(bt_as_f64(v), buf, sizeof buf), fp);
        return true;
    }
    default:
        break;
    }
    if (bt_is_str(t, v)) {
        BtStr *s = bt_as_str(v);
        fwrite(s->data, 1, s->size, fp);
        return true;
    }
    BtValue s = bt_str(t, v);
    if (bt_is_undef(s))
        return false;
    fwrite(bt_as_str(s)->data, 1, bt_as_str(s)->size, fp);
    return true;
}

/* file.write(s) through Python, for files that are not plain text streams. */
static bool write_via_method(BtThread *t, BtValue write, BtValue s) {
    BT_PUSH_ROOT(t, &s);
    BtValue r = bt_call(t, write, &s, 1, NULL);
    BT_POP_ROOT(t, 1);
    return !bt_is_undef(r);
}

static BtValue builtin_print(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    BtValue sep = BT_NONE, end = BT_NONE, file = BT_NONE, flush = BT_FALSE;
    for (int k = 0; k < nkw(kwnames); k++) {
        const char *kn = kw_name(kwnames, k);
        BtValue v = KWARG(args, nargs, k);
        if (!strcmp(kn, "sep"))
            sep = v;
        else if (!strcmp(kn, "end"))
            end = v;
        else if (!strcmp(kn, "file"))
            file = v;
        else if (!strcmp(kn, "flush"))
            flush = v;
        else {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for print()",
                     kn);
            return BT_UNDEF;
        }
    }
    if (!bt_is_none(sep) && !bt_is_str(t, sep)) {
        bt_raise(t, BT_EXC(t, TypeError), "sep must be None or a string, not %s",
                 bt_type_name(t, sep));
        return BT_UNDEF;
    }
    if (!bt_is_none(end) && !bt_is_str(t, end)) {
        bt_raise(t, BT_EXC(t, TypeError), "end must be None or a string, not %s",
                 bt_type_name(t, end));
        return BT_UNDEF;
    }
    if (bt_is_none(file)) {
        file = sys_attr(t, "stdout");
        if (bt_is_undef(file))
            return BT_UNDEF;
        if (bt_is_none(file))
            return BT_NONE;
    }
    const char *sep_s = bt_is_none(sep) ? " " : bt_as_str(sep)->data;
    size_t sep_n = bt_is_none(sep) ? 1 : bt_as_str(sep)->size;
    const char *end_s = bt_is_none(end) ? "\n" : bt_as_str(end)->data;
    size_t end_n = bt_is_none(end) ? 1 : bt_as_str(end)->size;

    FILE *fp = bt_fileio_text_stream(file, true);
    if (fp && !bt_fileio_wait_output(t, fp, 4096))
        return BT_UNDEF;
    if (fp) {
        /* The fast path: format straight into the C stream's buffer. */
        errno = 0;
        for (int i = 0; i < nargs; i++) {
            if (i > 0)
                fwrite(sep_s, 1, sep_n, fp);
            if (!print_value(t, fp, args[i]))
                return BT_UNDEF;
        }
        fwrite(end_s, 1, end_n, fp);
        int write_errno = errno;
        int fl = bt_truthy(t, flush);
        if (fl < 0)
            return BT_UNDEF;
        return bt_fileio_end_print(t, file, write_errno, fl || fp == stderr) ? BT_NONE : BT_UNDEF;
    }

    BT_PUSH_ROOT(t, &file);
    BtValue write = bt_getattr(t, file, BT_NAME(t, write));
    BtValue result = BT_UNDEF;
    BT_PUSH_ROOT(t, &write);
    if (bt_is_undef(write))
        goto out;
    for (int i = 0; i < nargs; i++) {
        if (i > 0) {
            BtValue s = bt_is_none(sep) ? new_str(t, " ", 1) : sep;
            if (bt_is_undef(s) || !write_via_method(t, write, s))
                goto out;
        }
        BtValue s = bt_str(t, args[i]);
        if (bt_is_undef(s) || !write_via_method(t, write, s))
            goto out;
    }
    BtValue e = bt_is_none(end) ? new_str(t, "\n", 1) : end;
    if (bt_is_undef(e) || !write_via_method(t, write, e))
        goto out;
    int fl = bt_truthy(t, flush);
    if (fl < 0)
        goto out;
    if (fl) {
        BtValue f = bt_getattr(t, file, BT_NAME(t, flush));
        if (bt_is_undef(f))
            goto out;
        BT_PUSH_ROOT(t, &f);
        BtValue r = bt_call(t, f, NULL, 0, NULL);
        BT_POP_ROOT(t, 1);
        if (bt_is_undef(r))
            goto out;
    }
    result = BT_NONE;
out:
    BT_POP_ROOT(t, 2);
    return result;
}

/* Flush sys.stdout (ignoring a missing one): before reading input. */
static bool flush_stdout(BtThread *t) {
    BtValue out = sys_attr(t, "stdout");
    if (bt_is_undef(out)) {
        bt_take_exc(t);
        return true;
    }
    FILE *fp = bt_fileio_text_stream(out, true);
    if (fp) {
        fflush(fp);
        return true;
    }
    if (bt_is_none(out))
        return true;
    BT_PUSH_ROOT(t, &out);
    BtValue f = bt_getattr(t, out, BT_NAME(t, flush));
    BT_PUSH_ROOT(t, &f);
    bool ok = !bt_is_undef(f) && !bt_is_undef(bt_call(t, f, NULL, 0, NULL));
    BT_POP_ROOT(t, 2);
    return ok;
}

static BtValue builtin_input(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "input", kwnames) || !expect_args(t, "input", nargs, NULL, 0, 1))
        return BT_UNDEF;
    if (nargs == 1) {
        BtValue out = sys_attr(t, "stdout");
        if (bt_is_undef(out))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &out);
        BtValue s = bt_str(t, args[0]);
        bool ok = !bt_is_undef(s);
        if (ok) {
            FILE *fp = bt_fileio_text_stream(out, true);
            if (fp) {
                fwrite(bt_as_str(s)->data, 1, bt_as_str(s)->size, fp);
            } else {
                BT_PUSH_ROOT(t, &s);
                BtValue w = bt_getattr(t, out, BT_NAME(t, write));
                ok = !bt_is_undef(w) && write_via_method(t, w, s);
                BT_POP_ROOT(t, 1);
            }
        }
        BT_POP_ROOT(t, 1);
        if (!ok)
            return BT_UNDEF;
    }
    if (!flush_stdout(t))
        return BT_UNDEF;
    fflush(stderr);
    BtValue in = sys_attr(t, "stdin");
    if (bt_is_undef(in))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &in);
    BtValue rl = bt_getattr(t, in, BT_NAME(t, readline));
    BT_PUSH_ROOT(t, &rl);
    BtValue line = bt_is_undef(rl) ? BT_UNDEF : bt_call(t, rl, NULL, 0, NULL);
    BT_POP_ROOT(t, 2);
    if (bt_is_undef(line))
        return BT_UNDEF;
    if (!bt_is_str(t, line)) {
        bt_raise(t, BT_EXC(t, TypeError), "object.readline() returned non-string");
        return BT_UNDEF;
    }
    BtStr *s = bt_as_str(line);
    if (s->size == 0) {
        bt_raise(t, BT_EXC(t, EOFError), "EOF when reading a line");
        return BT_UNDEF;
    }
    if (s->data[s->size - 1] != '\n')
        return line;
    BT_PUSH_ROOT(t, &line);
    BtValue r = new_str(t, s->data, s->size - 1);
    BT_POP_ROOT(t, 1);
    return r;
}

/* ---- small builtins ---- */

static BtValue builtin_len(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (nargs == 1 && !kwnames && bt_is_obj(args[0])) { /* the common exact types, inline */
        BtType *ty = bt_as_obj(args[0])->type;
        if (ty == BT_TYPE(t, str))
            return bt_int((int64_t)bt_as_str(args[0])->length);
        if (ty == BT_TYPE(t, list))
            return bt_int((int64_t)bt_as_list(args[0])->len);
    }
    if (!one_arg(t, "len", nargs, kwnames))
        return BT_UNDEF;
    int64_t n = bt_len(t, args[0]);
    return n < 0 ? BT_UNDEF : bt_int_from_i64(t, n);
}

/* ascii(x): repr(x) with every non-ASCII character escaped. */
static BtValue builtin_ascii(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!bt_check_args(t, "ascii", nargs, kwnames, 1, 1))
        return BT_UNDEF;
    BtValue r = bt_repr(t, args[0]);
    if (bt_is_undef(r))
        return BT_UNDEF;
    BtStr *s = bt_as_str(r);
    if (s->ascii)
        return r;
    BtBuf b;
    bt_buf_init(&b);
    const char *p = s->data, *end = s->data + s->size;
    while (p < end) {
        const char *at = p;
        uint32_t c = bt_utf8_next(&p);
        char esc[12];
        if (c < 0x80)
            bt_buf_append(&b, at, (size_t)(p - at));
        else {
            snprintf(esc, sizeof esc, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", c);
            bt_buf_puts(&b, esc);
        }
    }
    BtStr *out = bt_buf_finish(t, &b);
    return out ? bt_obj(out) : BT_UNDEF;
}

static BtValue builtin_repr(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "repr", nargs, kwnames))
        return BT_UNDEF;
    return bt_repr(t, args[0]);
}

static BtValue builtin_abs(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "abs", nargs, kwnames))
        return BT_UNDEF;
    return bt_num_abs(t, args[0]);
}

static BtValue builtin_id(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "id", nargs, kwnames))
        return BT_UNDEF;
    BtValue v = args[0];
    /* Immediates get small even numbers or odd ones: heap addresses are
     * 16-byte aligned and far from zero, so ids of live values never meet. */
    switch (bt_kind(v)) {
    case BT_V_NONE:
        return bt_int(2);
    case BT_V_BOOL:
        return bt_int(bt_as_bool(v) ? 6 : 4);
    case BT_V_INT:
        return bt_int_from_u64(t, (uint64_t)bt_as_i64(v) * 4 + 1);
    case BT_V_FLOAT: {
        uint64_t bits;
        double f = bt_as_f64(v);
        memcpy(&bits, &f, sizeof bits);
        return bt_int_from_u64(t, bits * 4 + 3);
    }
    default:
        return bt_int_from_u64(t, (uintptr_t)bt_as_obj(v));
    }
}

static BtValue builtin_hash(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "hash", nargs, kwnames))
        return BT_UNDEF;
    int64_t h;
    return bt_hash(t, args[0], &h) ? bt_int_from_i64(t, h) : BT_UNDEF;
}

static BtValue builtin_callable(BtThread *t, BtValue self, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "callable", nargs, kwnames))
        return BT_UNDEF;
    return bt_bool(bt_is_callable(t, args[0]));
}

/* hex/oct/bin: the sign, the prefix, then the digits of the magnitude. */
static BtValue format_radix(BtThread *t, const char *name, BtValue *args, int nargs,
                            BtTuple *kwnames, int base) {
    if (!one_arg(t, name, nargs, kwnames))
        return BT_UNDEF;
    BtValue i = bt_index_value(t, args[0]);
    if (bt_is_undef(i))
        return BT_UNDEF;
    BtStr *s = bt_int_to_base(t, i, base, true, false);
    return s ? bt_obj(s) : BT_UNDEF;
}

static BtValue builtin_hex(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return format_radix(t, "hex", args, nargs, kwnames, 16);
}
static BtValue builtin_oct(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return format_radix(t, "oct", args, nargs, kwnames, 8);
}
static BtValue builtin_bin(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return format_radix(t, "bin", args, nargs, kwnames, 2);
}

static BtValue builtin_chr(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    int64_t c;
    if (!one_arg(t, "chr", nargs, kwnames))
        return BT_UNDEF;
    if (bt_int_is_huge(args[0]) || (bt_int_index(t, args[0], &c) && (c > INT32_MAX || c < INT32_MIN))) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        return BT_UNDEF;
    }
    if (bt_has_exc(t))
        return BT_UNDEF;
    if (c < 0 || c >= 0x110000) {
        bt_raise(t, BT_EXC(t, ValueError), "chr() arg not in range(0x110000)");
        return BT_UNDEF;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
        /* Baton's str is always valid UTF-8, which has no lone surrogates. */
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "chr(): Baton strings cannot hold surrogate code points");
        return BT_UNDEF;
    }
    char buf[4];
    size_t n;
    if (c < 0x80) {
        buf[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        buf[0] = (char)(0xc0 | (c >> 6));
        buf[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        buf[0] = (char)(0xe0 | (c >> 12));
        buf[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        buf[0] = (char)(0xf0 | (c >> 18));
        buf[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        buf[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    return new_str(t, buf, n);
}

static BtValue builtin_ord(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!one_arg(t, "ord", nargs, kwnames))
        return BT_UNDEF;
    BtValue v = args[0];
    if (bt_is_bytes(t, v)) {
        BtBytes *b = (BtBytes *)bt_as_obj(v);
        if (b->size == 1)
            return bt_int(b->data[0]);
        bt_raise(t, BT_EXC(t, TypeError),
                 "ord() expected a character, but string of length %zu found", b->size);
        return BT_UNDEF;
    }
    if (!bt_is_str(t, v)) {
        bt_raise(t, BT_EXC(t, TypeError), "ord() expected string of length 1, but %s found",
                 bt_type_name(t, v));
        return BT_UNDEF;
    }
    BtStr *s = bt_as_str(v);
    if (s->length != 1) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "ord() expected a character, but string of length %zu found", s->length);
        return BT_UNDEF;
    }
    const uint8_t *p = (const uint8_t *)s->data;
    int64_t c;
    if (p[0] < 0x80)
        c = p[0];
    else if (p[0] < 0xe0)
        c = ((p[0] & 0x1f) << 6) | (p[1] & 0x3f);
    else if (p[0] < 0xf0)
        c = ((p[0] & 0x0f) << 12) | ((p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    else
        c = ((int64_t)(p[0] & 0x07) << 18) | ((p[1] & 0x3f) << 12) | ((p[2] & 0x3f) << 6) |
            (p[3] & 0x3f);
    return bt_int(c);
}

/* ---- arithmetic builtins: divmod, pow, round (the numbers live in vm/num.h) ---- */

static bool is_number(BtValue v) {
    return bt_is_integer(v) || bt_is_float(v);
}

static BtValue builtin_divmod(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    if (!expect_args(t, "divmod", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    BtValue a = args[0], b = args[1];
    if (is_number(a) && is_number(b))
        return bt_num_divmod(t, a, b);
    /* Classes may define __divmod__ / __rdivmod__. */
    BtStr *dm = bt_str_intern_cstr(t, "__divmod__");
    BtStr *rdm = dm ? bt_str_intern_cstr(t, "__rdivmod__") : NULL;
    if (!rdm)
        return BT_UNDEF;
    BtValue ni = bt_obj(t->interp->not_implemented);
    bool found;
    BtValue r = call_dunder(t, a, dm, &args[1], 1, &found);
    if (found && (bt_is_undef(r) || !bt_same(r, ni)))
        return r;
    r = call_dunder(t, b, rdm, &args[0], 1, &found);
    if (found && (bt_is_undef(r) || !bt_same(r, ni)))
        return r;
    return bt_num_divmod(t, a, b); /* raises CPython's TypeError */
}

static BtValue builtin_pow(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"base", "exp", "mod"};
    BtValue a[3];
    if (!collect_args(t, "pow", args, nargs, kwnames, params, 3, a))
        return BT_UNDEF;
    if (bt_is_undef(a[0]) && !missing_arg(t, "pow", "base", 1))
        return BT_UNDEF;
    if (bt_is_undef(a[1]) && !missing_arg(t, "pow", "exp", 2))
        return BT_UNDEF;
    bool three = !bt_is_undef(a[2]) && !bt_is_none(a[2]);
    if (three && !(is_number(a[0]) && is_number(a[1]) && is_number(a[2]))) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                 bt_type_name(t, a[0]), bt_type_name(t, a[1]), bt_type_name(t, a[2]));
        return BT_UNDEF;
    }
    return bt_num_pow3(t, a[0], a[1], three ? a[2] : BT_UNDEF);
}

static BtValue builtin_round(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"number", "ndigits"};
    BtValue a[2];
    if (!collect_args(t, "round", args, nargs, kwnames, params, 2, a))
        return BT_UNDEF;
    if (bt_is_undef(a[0]) && !missing_arg(t, "round", "number", 1))
        return BT_UNDEF;
    return bt_num_round(t, a[0], a[1]);
}

/* ---- isinstance / issubclass ---- */

/* 1/0, or -1 raised; cls is a class or a (nested) tuple of classes. */
static int check_class(BtThread *t, BtValue v, BtValue cls, bool sub, int depth) {
    if (is_type(t, cls)) {
        BtType *meta = bt_as_obj(cls)->type;
        if (meta != BT_TYPE(t, type) && (sub || bt_type_of(t, v) != (BtType *)bt_as_obj(cls))) {
            /* A metaclass's __instancecheck__/__subclasscheck__ decides. */
            BtValue hook = bt_type_lookup(
                meta, bt_str_intern_cstr(t, sub ? "__subclasscheck__" : "__instancecheck__"));
            if (bt_is_obj(hook) && bt_as_obj(hook)->type != BT_TYPE(t, native)) {
                BtValue argv[2] = {cls, v};
                BtValue r = bt_call(t, hook, argv, 2, NULL);
                return bt_is_undef(r) ? -1 : bt_truthy(t, r);
            }
        }
        if (sub)
            return bt_issubtype((BtType *)bt_as_obj(v), (BtType *)bt_as_obj(cls));
        return bt_isinstance(t, v, (BtType *)bt_as_obj(cls));
    }
    BtTuple *alternatives = bt_union_args(t, cls); /* int | str */
    if ((alternatives || bt_is_tuple(t, cls)) && depth < 100) {
        BtTuple *tp = alternatives ? alternatives : bt_as_tuple(cls);
        for (size_t i = 0; i < tp->len; i++) {
            int r = check_class(t, v, tp->items[i], sub, depth + 1);
            if (r != 0)
                return r;
        }
        return 0;
    }
    if (sub)
        bt_raise(t, BT_EXC(t, TypeError),
                 "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    else
        bt_raise(t, BT_EXC(t, TypeError),
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
}

static BtValue builtin_isinstance(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    if (!expect_args(t, "isinstance", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    int r = check_class(t, args[0], args[1], false, 0);
    return r < 0 ? BT_UNDEF : bt_bool(r);
}

static BtValue builtin_issubclass(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    if (!expect_args(t, "issubclass", nargs, kwnames, 2, 2))
        return BT_UNDEF;
    if (!is_type(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "issubclass() arg 1 must be a class");
        return BT_UNDEF;
    }
    int r = check_class(t, args[0], args[1], true, 0);
    return r < 0 ? BT_UNDEF : bt_bool(r);
}

/* ---- iterator types made here ---- */

/* One layout serves enumerate, zip, map, filter and reversed: two
 * references and a counter. */
typedef struct {
    BtObject hdr;
    BtValue a; /* the iterator (enumerate, filter), iterators tuple (zip, map), sequence
                  (reversed); BT_UNDEF once exhausted */
    BtValue b; /* the function (map, filter); enumerate's count once it leaves 64 bits */
    int64_t n; /* next index (enumerate, reversed); strict flag (zip) */
} BtIterObj;

static void iterobj_trace(BtGc *gc, BtObject *self) {
    BtIterObj *it = (BtIterObj *)self;
    bt_gc_mark(gc, it->a);
    bt_gc_mark(gc, it->b);
}

static BtValue iterobj_iter(BtThread *t, BtValue self) {
    (void)t;
    return self;
}

static BtIterObj *iterobj_new(BtThread *t, BtType *type, BtValue a, BtValue b, int64_t n) {
    BT_PUSH_ROOT(t, &a);
    BT_PUSH_ROOT(t, &b);
    /* type->instance_size: a subclass's instances have their dict after the struct. */
    BtIterObj *it = bt_gc_alloc(t, type, type->instance_size);
    BT_POP_ROOT(t, 2);
    if (it) {
        it->a = a;
        it->b = b;
        it->n = n;
    }
    return it;
}

static BtValue enumerate_next(BtThread *t, BtValue self) {
    if (!bt_c_stack_ok(t, "")) /* wrapped in itself a million times: C recursion */
        return BT_UNDEF;
    BtIterObj *e = (BtIterObj *)bt_as_obj(self);
    BtValue item = bt_next_keep_stop(t, e->a);
    if (bt_is_undef(item))
        return BT_UNDEF;
    if (bt_is_none(e->b) && e->n < BT_INT_INLINE_MAX)
        return pair(t, bt_int(e->n++), item);
    /* Past the inline range the count is an int of any size, kept in b. */
    if (bt_is_none(e->b))
        e->b = bt_int(e->n);
    BtValue count = e->b;
    BT_PUSH_ROOT(t, &item);
    BT_PUSH_ROOT(t, &count);
    BtValue next = bt_int_binary(t, BT_BINOP_ADD, count, bt_int(1));
    BtValue r = BT_UNDEF;
    if (!bt_is_undef(next)) {
        e->b = next;
        r = pair(t, count, item);
    }
    BT_POP_ROOT(t, 2);
    return r;
}

static BtValue enumerate_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    static const char *const params[] = {"iterable", "start"};
    BtValue a[2];
    if (!collect_args(t, "enumerate", args, nargs, kwnames, params, 2, a))
        return BT_UNDEF;
    if (bt_is_undef(a[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "enumerate() missing required argument 'iterable'");
        return BT_UNDEF;
    }
    BtValue start = bt_is_undef(a[1]) ? bt_int(0) : bt_index_value(t, a[1]);
    if (bt_is_undef(start))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &start);
    BtValue it = bt_iter(t, a[0]);
    BtIterObj *e = bt_is_undef(it) ? NULL
                   : iterobj_new(t, type, it, bt_is_bigint(start) ? start : BT_NONE,
                                 bt_is_bigint(start) ? 0 : bt_as_int(start));
    BT_POP_ROOT(t, 1);
    return e ? bt_obj(e) : BT_UNDEF;
}

/* "arguments 1-2" / "argument 1" for zip(strict=True) messages. */
static void zip_strict_error(BtThread *t, size_t i, bool shorter) {
    if (i == 1)
        bt_raise(t, BT_EXC(t, ValueError), "zip() argument 2 is %s than argument 1",
                 shorter ? "shorter" : "longer");
    else
        bt_raise(t, BT_EXC(t, ValueError), "zip() argument %zu is %s than arguments 1-%zu", i + 1,
                 shorter ? "shorter" : "longer", i);
}

static BtValue zip_next(BtThread *t, BtValue self) {
    if (!bt_c_stack_ok(t, "")) /* wrapped in itself a million times: C recursion */
        return BT_UNDEF;
    BtIterObj *z = (BtIterObj *)bt_as_obj(self);
    if (bt_is_undef(z->a))
        return BT_UNDEF;
    BtTuple *its = bt_as_tuple(z->a);
    if (its->len == 0)
        return BT_UNDEF;
    BtValue result = bt_obj(bt_tuple_new(t, its->len));
    if (!bt_as_obj(result))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &result);
    for (size_t i = 0; i < its->len; i++) {
        BtValue item = bt_next_keep_stop(t, its->items[i]);
        if (bt_is_undef(item)) {
            /* strict=True compares lengths, so a StopIteration is only "ended". */
            if (z->n && bt_exc_pending_is(t, BT_EXC(t, StopIteration)))
                bt_take_exc(t);
            if (!bt_has_exc(t) && z->n) {
                if (i > 0) {
                    zip_strict_error(t, i, true);
                } else {
                    for (size_t j = 1; j < its->len; j++) {
                        BtValue more = bt_next(t, its->items[j]);
                        if (!bt_is_undef(more)) {
                            zip_strict_error(t, j, false);
                            break;
                        }
                        if (bt_has_exc(t))
                            break;
                    }
                }
            }
            z->a = BT_UNDEF;
            BT_POP_ROOT(t, 1);
            return BT_UNDEF;
        }
        bt_as_tuple(result)->items[i] = item;
    }
    BT_POP_ROOT(t, 1);
    return result;
}

/* Iterators of args[0..n) as a tuple. */
static BtValue iter_tuple(BtThread *t, BtValue *args, int n) {
    BtValue tup = bt_obj(bt_tuple_new(t, (size_t)n));
    if (!bt_as_obj(tup))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &tup);
    for (int i = 0; i < n; i++) {
        BtValue it = bt_iter(t, args[i]);
        if (bt_is_undef(it)) {
            BT_POP_ROOT(t, 1);
            return BT_UNDEF;
        }
        bt_as_tuple(tup)->items[i] = it;
    }
    BT_POP_ROOT(t, 1);
    return tup;
}

static BtValue zip_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    bool strict = false;
    for (int k = 0; k < nkw(kwnames); k++) {
        if (strcmp(kw_name(kwnames, k), "strict") != 0) {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for zip()",
                     kw_name(kwnames, k));
            return BT_UNDEF;
        }
        int r = bt_truthy(t, KWARG(args, nargs, k));
        if (r < 0)
            return BT_UNDEF;
        strict = r;
    }
    BtValue its = iter_tuple(t, args, nargs);
    if (bt_is_undef(its))
        return BT_UNDEF;
    BtIterObj *z = iterobj_new(t, type, its, BT_NONE, strict);
    return z ? bt_obj(z) : BT_UNDEF;
}

static BtValue map_next(BtThread *t, BtValue self) {
    if (!bt_c_stack_ok(t, "")) /* wrapped in itself a million times: C recursion */
        return BT_UNDEF;
    BtIterObj *m = (BtIterObj *)bt_as_obj(self);
    BtTuple *its = bt_as_tuple(m->a);
    if (its->len == 1) {
        BtValue item = bt_next_keep_stop(t, its->items[0]);
        if (bt_is_undef(item))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &item);
        BtValue r = bt_call(t, m->b, &item, 1, NULL);
        BT_POP_ROOT(t, 1);
        return r;
    }
    BtValue argv = bt_obj(bt_tuple_new(t, its->len));
    if (!bt_as_obj(argv))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &argv);
    BtValue r = BT_UNDEF;
    for (size_t i = 0; i < its->len; i++) {
        BtValue item = bt_next_keep_stop(t, its->items[i]);
        if (bt_is_undef(item))
            goto out;
        bt_as_tuple(argv)->items[i] = item;
    }
    r = bt_call(t, m->b, bt_as_tuple(argv)->items, (int)its->len, NULL);
out:
    BT_POP_ROOT(t, 1);
    return r;
}

static BtValue map_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    if (!no_kw(t, "map", kwnames))
        return BT_UNDEF;
    if (nargs < 2) {
        bt_raise(t, BT_EXC(t, TypeError), "map() must have at least two arguments.");
        return BT_UNDEF;
    }
    BtValue its = iter_tuple(t, args + 1, nargs - 1);
    if (bt_is_undef(its))
        return BT_UNDEF;
    BtIterObj *m = iterobj_new(t, type, its, args[0], 0);
    return m ? bt_obj(m) : BT_UNDEF;
}

static BtValue filter_next(BtThread *t, BtValue self) {
    if (!bt_c_stack_ok(t, "")) /* wrapped in itself a million times: C recursion */
        return BT_UNDEF;
    BtIterObj *f = (BtIterObj *)bt_as_obj(self);
    for (;;) {
        BtValue item = bt_next_keep_stop(t, f->a);
        if (bt_is_undef(item))
            return BT_UNDEF;
        int keep;
        BT_PUSH_ROOT(t, &item); /* __bool__ or the function may collect */
        if (bt_is_none(f->b)) {
            keep = bt_truthy(t, item);
        } else {
            BtValue r = bt_call(t, f->b, &item, 1, NULL);
            keep = bt_is_undef(r) ? -1 : bt_truthy(t, r);
        }
        BT_POP_ROOT(t, 1);
        if (keep < 0)
            return BT_UNDEF;
        if (keep)
            return item;
    }
}

static BtValue filter_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                BtTuple *kwnames) {
    if (!no_kw(t, "filter", kwnames) || !expect_args(t, "filter", nargs, NULL, 2, 2))
        return BT_UNDEF;
    BtValue it = bt_iter(t, args[1]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BtIterObj *f = iterobj_new(t, type, it, args[0], 0);
    return f ? bt_obj(f) : BT_UNDEF;
}

static BtValue reversed_next(BtThread *t, BtValue self) {
    BtIterObj *r = (BtIterObj *)bt_as_obj(self);
    if (r->n < 0 || bt_is_undef(r->a))
        return BT_UNDEF;
    BtValue item = bt_getitem(t, r->a, bt_int(r->n));
    r->n--;
    if (bt_is_undef(item)) {
        /* A sequence that shrank under us ends the iteration, as in CPython. */
        if (bt_exc_pending_is(t, BT_EXC(t, IndexError)) ||
            bt_exc_pending_is(t, BT_EXC(t, StopIteration)))
            bt_take_exc(t);
        r->a = BT_UNDEF;
        return BT_UNDEF;
    }
    return item;
}

static BtValue reversed_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    if (!no_kw(t, "reversed", kwnames) || !expect_args(t, "reversed", nargs, NULL, 1, 1))
        return BT_UNDEF;
    BtValue seq = args[0];
    BtType *st = bt_type_of(t, seq);
    BtValue meth = bt_type_lookup(st, BT_NAME(t, dunder_reversed));
    if (!bt_is_undef(meth) && !bt_is_none(meth)) {
        bool found;
        return call_dunder(t, seq, BT_NAME(t, dunder_reversed), NULL, 0, &found);
    }
    if (bt_is_undef(meth) && bt_issubtype(st, BT_TYPE(t, dict))) {
        /* Dicts are reversible (3.8+): walk a snapshot of the keys backwards. */
        BtValue keys = new_list_value(bt_list_from_iterable(t, seq));
        if (bt_is_undef(keys))
            return BT_UNDEF;
        BT_PUSH_ROOT(t, &keys);
        BtValue r = bt_list_reversed(t, bt_as_list(keys));
        BT_POP_ROOT(t, 1);
        return r;
    }
    BtType *sb = builtin_base(st);
    if (bt_is_none(meth) || !has_protocol(st, BT_NAME(t, dunder_getitem), sb && sb->getitem)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not reversible", bt_type_name(t, seq));
        return BT_UNDEF;
    }
    if (st == BT_TYPE(t, list))
        return bt_list_reversed(t, bt_as_list(seq));
    if (st == BT_TYPE(t, range))
        return bt_range_reversed(t, (BtRange *)bt_as_obj(seq));
    int64_t n = bt_len(t, seq);
    if (n < 0)
        return BT_UNDEF;
    BtIterObj *r = iterobj_new(t, type, seq, BT_NONE, n - 1);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* __iter__ and __next__ as methods, for code that calls them by name. */
static BtValue iterobj_iter_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__iter__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    if (bt_is_undef(self)) {
        bt_raise(t, BT_EXC(t, TypeError), "descriptor '__iter__' needs an argument");
        return BT_UNDEF;
    }
    return self;
}

static BtValue iterobj_next_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)args;
    if (!bt_check_args(t, "__next__", nargs, kwnames, 0, 0))
        return BT_UNDEF;
    /* The built-in's own step, also for a subclass (whose __next__ may be
     * the one calling this through super()). */
    BtType *base = bt_is_obj(self) ? builtin_base(bt_as_obj(self)->type) : NULL;
    if (!base || base->trace != iterobj_trace) {
        bt_raise(t, BT_EXC(t, TypeError), "descriptor '__next__' needs an iterator object");
        return BT_UNDEF;
    }
    BtValue v = base->next(t, self);
    if (bt_is_undef(v) && !bt_has_exc(t))
        bt_raise_empty(t, BT_EXC(t, StopIteration));
    return v;
}

static const BtNativeDef iterobj_methods[] = {
    {"__iter__", iterobj_iter_method},
    {"__next__", iterobj_next_method},
    {NULL, NULL},
};

/* map.__new__(cls, ...) and the like: what map(...) makes, as an instance of
 * cls (a subclass's __new__ calls it through super()). */
static BtValue iterobj_new_method(BtThread *t, BtValue self, BtValue *args, int nargs,
                                  BtTuple *kwnames) {
    (void)self;
    BtType *cls = nargs > 0 && bt_is_class(t, args[0])
                      ? (BtType *)bt_as_obj(args[0])
                      : NULL;
    BtType *base = cls ? builtin_base(cls) : NULL;
    if (!base || base->trace != iterobj_trace) {
        bt_raise(t, BT_EXC(t, TypeError), "__new__(X): X is not a type object (%s)",
                 nargs > 0 ? bt_type_name(t, args[0]) : "nothing");
        return BT_UNDEF;
    }
    return base->construct(t, cls, args + 1, nargs - 1, kwnames);
}

/* Give `type` the iterator layout and slots. */
static bool setup_iter_type(BtThread *t, BtType *type, BtValue (*next)(BtThread *, BtValue)) {
    type->layout = BT_LAYOUT_BUILTIN;
    type->instance_size = sizeof(BtIterObj);
    type->iter = iterobj_iter;
    type->next = next;
    type->trace = iterobj_trace;
    return bt_type_add_methods(t, type, iterobj_methods);
}

/* ---- iteration builtins ---- */

static BtValue builtin_iter(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "iter", kwnames) || !expect_args(t, "iter", nargs, NULL, 1, 2))
        return BT_UNDEF;
    if (nargs == 1)
        return bt_iter(t, args[0]);
    if (!bt_is_callable(t, args[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "iter(v, w): v must be callable");
        return BT_UNDEF;
    }
    return bt_callable_iter_new(t, args[0], args[1]);
}

/* aiter(x): x.__aiter__(), which must have __anext__. */
static BtValue builtin_aiter(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "aiter", kwnames))
        return BT_UNDEF;
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "aiter() takes exactly one argument (%d given)", nargs);
        return BT_UNDEF;
    }
    BtValue meth = bt_type_lookup(bt_type_of(t, args[0]), BT_NAME(t, dunder_aiter));
    if (bt_is_undef(meth)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not an async iterable",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtValue it = bt_call(t, meth, args, 1, NULL);
    if (!bt_is_undef(it) &&
        bt_is_undef(bt_type_lookup(bt_type_of(t, it), BT_NAME(t, dunder_anext)))) {
        bt_raise(t, BT_EXC(t, TypeError), "aiter() returned not an async iterator of type '%s'",
                 bt_type_name(t, it));
        return BT_UNDEF;
    }
    return it;
}

/* anext(aiterator[, default]): the awaitable of aiterator.__anext__(), and
 * with a default one whose StopAsyncIteration gives the default instead. */
static BtValue builtin_anext(BtThread *t, BtValue self, BtValue *args, int nargs,
                             BtTuple *kwnames) {
    (void)self;
    if (!expect_args(t, "anext", nargs, kwnames, 1, 2))
        return BT_UNDEF;
    BtValue meth = bt_type_lookup(bt_type_of(t, args[0]), BT_NAME(t, dunder_anext));
    if (bt_is_undef(meth)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not an async iterator",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    BtValue aw = bt_call(t, meth, args, 1, NULL);
    if (bt_is_undef(aw) || nargs == 1)
        return aw;
    return bt_gen_anext_awaitable(t, aw, args[1]);
}

static BtValue builtin_next(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "next", kwnames) || !expect_args(t, "next", nargs, NULL, 1, 2))
        return BT_UNDEF;
    BtType *type = bt_type_of(t, args[0]);
    BtType *b = builtin_base(type);
    if (!has_protocol(type, BT_NAME(t, dunder_next), b && b->next)) {
        bt_raise(t, BT_EXC(t, TypeError), "'%s' object is not an iterator",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    /* The slot itself: a StopIteration that ended the iterator (a generator's
     * return value, a user __next__'s raise) reaches the caller with its args. */
    BtValue v = bt_next_keep_stop(t, args[0]);
    if (!bt_is_undef(v))
        return v;
    if (bt_has_exc(t)) {
        if (nargs == 2 && bt_exc_pending_is(t, BT_EXC(t, StopIteration))) {
            bt_take_exc(t);
            return args[1];
        }
        return BT_UNDEF;
    }
    if (nargs == 2)
        return args[1];
    bt_raise_empty(t, BT_EXC(t, StopIteration));
    return BT_UNDEF;
}

/* True when a < b (op LT) or a > b (GT), ints and floats without a call. */
static int less_or_greater(BtThread *t, BtValue a, BtValue b, BtCompareOp op) {
    if (bt_is_int(a) && bt_is_int(b))
        return op == BT_COMPARE_LT ? bt_as_i64(a) < bt_as_i64(b) : bt_as_i64(a) > bt_as_i64(b);
    if (bt_is_float(a) && bt_is_float(b))
        return op == BT_COMPARE_LT ? bt_as_f64(a) < bt_as_f64(b) : bt_as_f64(a) > bt_as_f64(b);
    BtValue r = bt_compare(t, a, b, op);
    if (bt_is_undef(r))
        return -1;
    if (bt_is_bool(r))
        return bt_as_bool(r);
    return bt_truthy(t, r);
}

static BtValue minmax(BtThread *t, BtValue *args, int nargs, BtTuple *kwnames, bool is_max) {
    const char *name = is_max ? "max" : "min";
    BtValue key = BT_UNDEF, dflt = BT_UNDEF;
    for (int k = 0; k < nkw(kwnames); k++) {
        const char *kn = kw_name(kwnames, k);
        if (!strcmp(kn, "key"))
            key = KWARG(args, nargs, k);
        else if (!strcmp(kn, "default"))
            dflt = KWARG(args, nargs, k);
        else {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for %s()", kn,
                     name);
            return BT_UNDEF;
        }
    }
    if (nargs == 0) {
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at least 1 argument, got 0", name);
        return BT_UNDEF;
    }
    if (nargs > 1 && !bt_is_undef(dflt)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 "Cannot specify a default for %s() with multiple positional arguments", name);
        return BT_UNDEF;
    }
    if (bt_is_none(key))
        key = BT_UNDEF;
    BtCompareOp op = is_max ? BT_COMPARE_GT : BT_COMPARE_LT;
    BtValue it = BT_UNDEF, best = BT_UNDEF, bestkey = BT_UNDEF, item = BT_UNDEF, itemkey = BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &best);
    BT_PUSH_ROOT(t, &bestkey);
    BT_PUSH_ROOT(t, &item);
    BT_PUSH_ROOT(t, &itemkey);
    BtValue result = BT_UNDEF;
    if (nargs == 1) {
        it = bt_iter(t, args[0]);
        if (bt_is_undef(it))
            goto out;
    }
    for (int i = 0;; i++) {
        if (nargs == 1) {
            item = bt_next(t, it);
            if (bt_is_undef(item)) {
                if (bt_has_exc(t))
                    goto out;
                break;
            }
        } else {
            if (i == nargs)
                break;
            item = args[i];
        }
        if (!bt_is_undef(key)) {
            itemkey = bt_call(t, key, &item, 1, NULL);
            if (bt_is_undef(itemkey))
                goto out;
        } else {
            itemkey = item;
        }
        if (bt_is_undef(best)) {
            best = item;
            bestkey = itemkey;
            continue;
        }
        int better = less_or_greater(t, itemkey, bestkey, op);
        if (better < 0)
            goto out;
        if (better) {
            best = item;
            bestkey = itemkey;
        }
    }
    if (bt_is_undef(best)) {
        if (bt_is_undef(dflt))
            bt_raise(t, BT_EXC(t, ValueError), "%s() arg is an empty sequence", name);
        else
            result = dflt;
        goto out;
    }
    result = best;
out:
    BT_POP_ROOT(t, 5);
    return result;
}

static BtValue builtin_min(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return minmax(t, args, nargs, kwnames, false);
}

static BtValue builtin_max(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return minmax(t, args, nargs, kwnames, true);
}

static BtValue builtin_sum(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    BtValue a[2] = {BT_UNDEF, BT_UNDEF};
    if (nargs == 0) {
        bt_raise(t, BT_EXC(t, TypeError), "sum() takes at least 1 positional argument (0 given)");
        return BT_UNDEF;
    }
    if (nargs + nkw(kwnames) > 2) {
        bt_raise(t, BT_EXC(t, TypeError), "sum() takes at most 2 arguments (%d given)",
                 nargs + nkw(kwnames));
        return BT_UNDEF;
    }
    a[0] = args[0];
    if (nargs == 2)
        a[1] = args[1];
    for (int k = 0; k < nkw(kwnames); k++) {
        /* The iterable is positional-only; start may be named. */
        if (strcmp(kw_name(kwnames, k), "start") != 0) {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for sum()",
                     kw_name(kwnames, k));
            return BT_UNDEF;
        }
        a[1] = KWARG(args, nargs, k);
    }
    BtValue acc = bt_is_undef(a[1]) ? bt_int(0) : a[1];
    if (bt_is_str(t, acc)) {
        bt_raise(t, BT_EXC(t, TypeError), "sum() can't sum strings [use ''.join(seq) instead]");
        return BT_UNDEF;
    }
    if (bt_is_bytes(t, acc)) {
        bt_raise(t, BT_EXC(t, TypeError), "sum() can't sum bytes [use b''.join(seq) instead]");
        return BT_UNDEF;
    }
    BtValue it = bt_iter(t, a[0]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BtValue item = BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &acc);
    BT_PUSH_ROOT(t, &item);
    BtValue result = BT_UNDEF;
    for (;;) {
        item = bt_next(t, it);
        if (bt_is_undef(item)) {
            if (!bt_has_exc(t))
                result = acc;
            break;
        }
        /* Fast paths: int + int within the inline range, float + float or int. */
        if (bt_is_int(acc) && bt_is_int(item)) {
            int64_t r = bt_as_i64(acc) + bt_as_i64(item);
            if (bt_int_fits(r)) {
                acc = bt_int(r);
                continue;
            }
        } else if (bt_is_float(acc) && (bt_is_float(item) || bt_is_int(item))) {
            acc = bt_float(bt_as_f64(acc) + (bt_is_int(item) ? (double)bt_as_i64(item) : bt_as_f64(item)));
            continue;
        }
        acc = bt_binary_op(t, BT_BINOP_ADD, acc, item);
        if (bt_is_undef(acc))
            break;
    }
    BT_POP_ROOT(t, 3);
    return result;
}

/* any() and all(): stop at the first item whose truth is `stop_on`. */
static BtValue any_all(BtThread *t, const char *name, BtValue *args, int nargs, BtTuple *kwnames,
                       bool stop_on) {
    if (!one_arg(t, name, nargs, kwnames))
        return BT_UNDEF;
    BtValue it = bt_iter(t, args[0]);
    if (bt_is_undef(it))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &it);
    BtValue result = bt_bool(!stop_on);
    for (;;) {
        BtValue item = bt_next(t, it);
        if (bt_is_undef(item)) {
            if (bt_has_exc(t))
                result = BT_UNDEF;
            break;
        }
        int r = bt_truthy(t, item);
        if (r < 0) {
            result = BT_UNDEF;
            break;
        }
        if ((bool)r == stop_on) {
            result = bt_bool(stop_on);
            break;
        }
    }
    BT_POP_ROOT(t, 1);
    return result;
}

static BtValue builtin_any(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return any_all(t, "any", args, nargs, kwnames, true);
}

static BtValue builtin_all(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return any_all(t, "all", args, nargs, kwnames, false);
}

static BtValue builtin_sorted(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    BtValue key = BT_UNDEF, reverse = BT_FALSE;
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "sorted expected 1 argument, got %d", nargs);
        return BT_UNDEF;
    }
    for (int k = 0; k < nkw(kwnames); k++) {
        const char *kn = kw_name(kwnames, k);
        if (!strcmp(kn, "key"))
            key = KWARG(args, nargs, k);
        else if (!strcmp(kn, "reverse"))
            reverse = KWARG(args, nargs, k);
        else {
            bt_raise(t, BT_EXC(t, TypeError), "'%s' is an invalid keyword argument for sort()", kn);
            return BT_UNDEF;
        }
    }
    if (bt_is_none(key))
        key = BT_UNDEF;
    int rev = bt_truthy(t, reverse);
    if (rev < 0)
        return BT_UNDEF;
    BtValue list = new_list_value(bt_list_from_iterable(t, args[0]));
    if (bt_is_undef(list))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &list);
    bool ok = bt_list_sort(t, bt_as_list(list), key, rev);
    BT_POP_ROOT(t, 1);
    return ok ? list : BT_UNDEF;
}

/* ---- attributes ---- */

static BtValue builtin_getattr(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "getattr", kwnames) || !expect_args(t, "getattr", nargs, NULL, 2, 3))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[1]);
    if (!name)
        return BT_UNDEF;
    if (nargs == 2)
        return bt_getattr(t, args[0], name);
    BtValue v = bt_getattr_opt(t, args[0], name);
    if (!bt_is_undef(v))
        return v;
    if (bt_has_exc(t)) {
        if (!bt_exc_pending_is(t, BT_EXC(t, AttributeError)))
            return BT_UNDEF;
        bt_take_exc(t);
    }
    return args[2];
}

static BtValue builtin_hasattr(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "hasattr", kwnames) || !expect_args(t, "hasattr", nargs, NULL, 2, 2))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[1]);
    if (!name)
        return BT_UNDEF;
    BtValue v = bt_getattr_opt(t, args[0], name);
    if (!bt_is_undef(v))
        return BT_TRUE;
    if (bt_has_exc(t)) {
        if (!bt_exc_pending_is(t, BT_EXC(t, AttributeError)))
            return BT_UNDEF;
        bt_take_exc(t);
    }
    return BT_FALSE;
}

static BtValue builtin_setattr(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "setattr", kwnames) || !expect_args(t, "setattr", nargs, NULL, 3, 3))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[1]);
    if (!name)
        return BT_UNDEF;
    return bt_setattr(t, args[0], name, args[2]) ? BT_NONE : BT_UNDEF;
}

static BtValue builtin_delattr(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "delattr", kwnames) || !expect_args(t, "delattr", nargs, NULL, 2, 2))
        return BT_UNDEF;
    BtStr *name = bt_attr_name(t, args[1]);
    if (!name)
        return BT_UNDEF;
    return bt_delattr(t, args[0], name) ? BT_NONE : BT_UNDEF;
}

/* ---- namespaces: dir, globals, locals, vars ---- */

/* The instance dict of v, or NULL (modules: their globals). */
static BtDict *instance_dict(BtThread *t, BtValue v) {
    if (!bt_is_obj(v))
        return NULL;
    BtType *type = bt_as_obj(v)->type;
    if (type == BT_TYPE(t, module))
        return ((BtModule *)bt_as_obj(v))->dict;
    if (type->layout == BT_LAYOUT_INSTANCE || type->layout == BT_LAYOUT_EXCEPTION)
        return ((BtInstance *)bt_as_obj(v))->dict;
    return NULL;
}

/* Add every str key of d to the set-like dict `names`. */
static bool add_keys(BtThread *t, BtDict *names, BtDict *d) {
    if (!d)
        return true;
    size_t pos = 0;
    BtValue k, v;
    while (bt_dict_next(d, &pos, &k, &v)) {
        if (bt_is_str(t, k) && !bt_dict_set(t, names, k, BT_NONE))
            return false;
    }
    return true;
}

/* The keys of `names` as a sorted list. */
static BtValue sorted_keys(BtThread *t, BtDict *names) {
    BtValue list = new_list_value(bt_list_with_capacity(t, names->len));
    if (bt_is_undef(list))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &list);
    size_t pos = 0;
    BtValue k, v;
    bool ok = true;
    while (ok && bt_dict_next(names, &pos, &k, &v))
        ok = bt_list_append(t, bt_as_list(list), k);
    ok = ok && bt_list_sort(t, bt_as_list(list), BT_UNDEF, false);
    BT_POP_ROOT(t, 1);
    return ok ? list : BT_UNDEF;
}

/* locals(): the frame's namespace dict, or its variables as a new dict. */
static BtValue frame_locals(BtThread *t, BtFrame *f) {
    if (bt_frame_locals_dict(f))
        return bt_obj(bt_frame_locals_dict(f));
    BtDict *d = bt_frame_variables(t, f);
    return d ? bt_obj(d) : BT_UNDEF;
}

static BtValue builtin_dir(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "dir", kwnames) || !expect_args(t, "dir", nargs, NULL, 0, 1))
        return BT_UNDEF;
    BtValue names = bt_obj(bt_dict_new(t));
    if (!bt_as_obj(names))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &names);
    BtValue result = BT_UNDEF;
    if (nargs == 0) {
        BtFrame *f = bt_eval_current_frame(t);
        if (f) {
            BtValue loc = frame_locals(t, f);
            if (bt_is_undef(loc))
                goto out;
            BT_PUSH_ROOT(t, &loc);
            bool ok = add_keys(t, bt_as_dict(names), bt_as_dict(loc));
            BT_POP_ROOT(t, 1);
            if (!ok)
                goto out;
        }
        result = sorted_keys(t, bt_as_dict(names));
        goto out;
    }
    BtValue obj = args[0];
    BtType *type = bt_type_of(t, obj);
    BtStr *dunder_dir = bt_str_intern_cstr(t, "__dir__");
    if (!dunder_dir)
        goto out;
    BtValue own_dir = (type->flags & BT_TYPE_HEAPTYPE) ? bt_type_lookup(type, dunder_dir) : BT_UNDEF;
    /* A class whose metaclass, or an instance of a subclass of a built-in
     * whose class, defines __dir__ in Python asks it too (enums do). */
    if (type->layout == BT_LAYOUT_INSTANCE ? !bt_is_undef(own_dir)
                                           : bt_is_obj(own_dir) &&
                                                 bt_as_obj(own_dir)->type == BT_TYPE(t, function)) {
        bool found = true;
        /* type(obj).__dir__(obj): a class's own __dir__ is for its instances. */
        BtValue r = bt_is_obj(own_dir) && bt_as_obj(own_dir)->type == BT_TYPE(t, function)
                        ? bt_call(t, own_dir, &obj, 1, NULL)
                        : call_dunder(t, obj, dunder_dir, NULL, 0, &found);
        if (found) {
            if (!bt_is_undef(r)) {
                BT_PUSH_ROOT(t, &r);
                BtValue l = new_list_value(bt_list_from_iterable(t, r));
                BT_POP_ROOT(t, 1);
                if (!bt_is_undef(l)) {
                    BT_PUSH_ROOT(t, &l);
                    if (bt_list_sort(t, bt_as_list(l), BT_UNDEF, false))
                        result = l;
                    BT_POP_ROOT(t, 1);
                }
            }
            goto out;
        }
    }
    if (!add_keys(t, bt_as_dict(names), instance_dict(t, obj)))
        goto out;
    if (type != BT_TYPE(t, module)) {
        /* A class lists its own MRO; an instance its class's. */
        BtType *cls = is_type(t, obj) ? (BtType *)bt_as_obj(obj) : type;
        BtTuple *mro = cls->mro;
        for (size_t i = 0; mro && i < mro->len; i++) {
            if (!add_keys(t, bt_as_dict(names), ((BtType *)bt_as_obj(mro->items[i]))->dict))
                goto out;
        }
    }
    result = sorted_keys(t, bt_as_dict(names));
out:
    BT_POP_ROOT(t, 1);
    return result;
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): the
 * function behind `import` (see bt_import_name). */
static BtValue builtin_import(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"name", "|globals", "locals", "fromlist", "level", NULL};
    BtValue a[5];
    if (!bt_parse_args(t, "__import__", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    if (!bt_is_str(t, a[0])) {
        bt_raise(t, BT_EXC(t, TypeError), "module name must be a string");
        return BT_UNDEF;
    }
    BtValue level = bt_is_undef(a[4]) ? bt_int(0) : bt_index_value(t, a[4]);
    if (bt_is_undef(level))
        return BT_UNDEF;
    if (!bt_is_int(level)) {
        bt_raise(t, BT_EXC(t, OverflowError), "Python int too large to convert to C int");
        return BT_UNDEF;
    }
    return bt_import_name(t, bt_as_str(a[0]), a[1], a[3], bt_as_i64(level));
}

static BtValue builtin_globals(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!no_kw(t, "globals", kwnames))
        return BT_UNDEF;
    if (nargs != 0) {
        bt_raise(t, BT_EXC(t, TypeError), "globals() takes no arguments (%d given)", nargs);
        return BT_UNDEF;
    }
    BtFrame *f = bt_eval_current_frame(t);
    if (!f)
        return bt_obj(t->interp->builtins);
    return bt_obj(f->globals);
}

static BtValue builtin_locals(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    (void)args;
    if (!no_kw(t, "locals", kwnames))
        return BT_UNDEF;
    if (nargs != 0) {
        bt_raise(t, BT_EXC(t, TypeError), "locals() takes no arguments (%d given)", nargs);
        return BT_UNDEF;
    }
    BtFrame *f = bt_eval_current_frame(t);
    if (!f)
        return bt_obj(t->interp->builtins);
    return frame_locals(t, f);
}

static BtValue builtin_vars(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    if (!no_kw(t, "vars", kwnames) || !expect_args(t, "vars", nargs, NULL, 0, 1))
        return BT_UNDEF;
    if (nargs == 0)
        return builtin_locals(t, self, args, 0, NULL);
    BtValue d = bt_getattr_opt(t, args[0], BT_NAME(t, dunder_dict));
    if (bt_is_undef(d)) {
        if (bt_has_exc(t) && !bt_exc_pending_is(t, BT_EXC(t, AttributeError)))
            return BT_UNDEF;
        if (bt_has_exc(t))
            bt_take_exc(t);
        bt_raise(t, BT_EXC(t, TypeError), "vars() argument must have __dict__ attribute");
    }
    return d;
}

/* ---- eval / exec ---- */

/* eval() and exec(): compile source (or take a code object) and run it with
 * the given namespaces, by default the caller's globals and locals (a
 * snapshot for function frames, as in CPython). */
static BtValue run_source(BtThread *t, const char *fname, BtValue *args, int nargs,
                          BtTuple *kwnames, BtCompileMode mode) {
    static const char *const params[] = {"source", "|globals", "locals", NULL};
    BtValue a[3];
    if (!bt_parse_args(t, fname, args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue globals = a[1], locals = a[2];
    if (bt_is_none(globals))
        globals = BT_UNDEF;
    if (bt_is_none(locals))
        locals = BT_UNDEF;
    if (!bt_is_undef(globals) && !bt_is_dict(t, globals)) {
        bt_raise(t, BT_EXC(t, TypeError),
                 mode == BT_COMPILE_EVAL ? "globals must be a real dict; try eval(expr, {}, "
                                           "mapping)"
                                         : "exec() globals must be a dict, not %s",
                 bt_type_name(t, globals));
        return BT_UNDEF;
    }
    if (!bt_is_undef(locals) && !bt_is_dict(t, locals)) {
        bt_raise(t, BT_EXC(t, TypeError), "locals must be a mapping");
        return BT_UNDEF;
    }
    BtValue code = BT_UNDEF, fn = BT_UNDEF, src = a[0];
    BT_PUSH_ROOT(t, &globals);
    BT_PUSH_ROOT(t, &locals);
    BT_PUSH_ROOT(t, &code);
    BT_PUSH_ROOT(t, &fn);
    BT_PUSH_ROOT(t, &src);
    BtValue result = BT_UNDEF;
    BtFrame *f = bt_eval_current_frame(t);
    if (bt_is_undef(globals)) {
        globals = f ? bt_obj(f->globals) : bt_obj(t->interp->builtins);
        if (bt_is_undef(locals)) {
            locals = f ? frame_locals(t, f) : globals;
            if (bt_is_undef(locals))
                goto out;
        }
    } else if (bt_is_undef(locals)) {
        locals = globals;
    }
    BtByteView view;
    if (!bt_is_bytes(t, src) && bt_byte_view(t, src, &view)) {
        /* a bytearray or memoryview: compile a bytes copy (NUL-terminated) */
        BtBytes *copy = bt_bytes_new(t, view.data, view.size);
        if (!copy)
            goto out;
        src = bt_obj(copy);
    }
    if (bt_is_obj(src) && bt_as_obj(src)->type == BT_TYPE(t, code)) {
        code = src;
    } else if (bt_is_str(t, src) || bt_is_bytes(t, src)) {
        const char *text =
            bt_is_str(t, src) ? bt_as_str(src)->data : (const char *)((BtBytes *)bt_as_obj(src))->data;
        size_t len = bt_is_str(t, src) ? bt_as_str(src)->size : ((BtBytes *)bt_as_obj(src))->size;
        if (mode == BT_COMPILE_EVAL) {
            /* eval ignores leading blanks, as CPython does. */
            while (len > 0 && (*text == ' ' || *text == '\t')) {
                text++;
                len--;
            }
        }
        BtStr *name = bt_str_intern_cstr(t, "<string>");
        BtCode *c = name ? bt_compile_source(t, text, len, name, mode) : NULL;
        if (!c)
            goto out;
        code = bt_obj(c);
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "%s() arg 1 must be a string, bytes or code object",
                 fname);
        goto out;
    }
    int nfrees = ((BtCode *)bt_as_obj(code))->nfrees;
    if (nfrees && mode == BT_COMPILE_EVAL) {
        bt_raise(t, BT_EXC(t, TypeError), "code object passed to eval() may not contain free variables");
        goto out;
    } else if (nfrees) {
        bt_raise(t, BT_EXC(t, TypeError), "code object requires a closure of exactly length %d",
                 nfrees);
        goto out;
    }
    BtFunction *func = bt_function_new(t, (BtCode *)bt_as_obj(code), bt_as_dict(globals));
    if (!func)
        goto out;
    fn = bt_obj(func);
    if (func->code->flags & BT_CODE_MODULE) {
        result = bt_eval_class_body(t, func, bt_as_dict(locals));
    } else {
        /* A function's code runs as a call of it with no arguments (a
         * generator function's makes a generator), as in CPython. */
        result = bt_eval_call_function(t, func, args, 0, NULL);
    }
    if (!bt_is_undef(result) && mode != BT_COMPILE_EVAL)
        result = BT_NONE;
out:
    BT_POP_ROOT(t, 5);
    return result;
}

static BtValue builtin_eval(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return run_source(t, "eval", args, nargs, kwnames, BT_COMPILE_EVAL);
}

static BtValue builtin_exec(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    return run_source(t, "exec", args, nargs, kwnames, BT_COMPILE_FILE);
}

/* compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
 * a code object for exec() or eval(). */
static BtValue builtin_compile(BtThread *t, BtValue self, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    (void)self;
    static const char *const params[] = {"source", "filename", "mode", "|flags",
                                         "dont_inherit", "optimize", NULL};
    BtValue a[6];
    if (!bt_parse_args(t, "compile", args, nargs, kwnames, params, a))
        return BT_UNDEF;
    BtValue src = a[0], file = a[1], modev = a[2];
    if (!bt_is_str(t, src) && !bt_is_bytes(t, src)) {
        bt_raise(t, BT_EXC(t, TypeError), "compile() arg 1 must be a string, bytes or AST object");
        return BT_UNDEF;
    }
    if (!bt_is_str(t, file)) {
        bt_raise(t, BT_EXC(t, TypeError), "expected str, bytes or os.PathLike object, not %s",
                 bt_type_name(t, file));
        return BT_UNDEF;
    }
    if (!bt_is_str(t, modev)) {
        bt_raise(t, BT_EXC(t, TypeError), "compile() argument 'mode' must be str, not %s",
                 bt_type_name(t, modev));
        return BT_UNDEF;
    }
    const char *m = bt_as_str(modev)->data;
    BtCompileMode mode = strcmp(m, "exec") == 0     ? BT_COMPILE_FILE
                         : strcmp(m, "eval") == 0   ? BT_COMPILE_EVAL
                         : strcmp(m, "single") == 0 ? BT_COMPILE_INTERACTIVE
                                                    : (BtCompileMode)-1;
    if ((int)mode == -1) {
        bt_raise(t, BT_EXC(t, ValueError), "compile() mode must be 'exec', 'eval' or 'single'");
        return BT_UNDEF;
    }
    const char *text =
        bt_is_str(t, src) ? bt_as_str(src)->data : (const char *)((BtBytes *)bt_as_obj(src))->data;
    size_t len = bt_is_str(t, src) ? bt_as_str(src)->size : ((BtBytes *)bt_as_obj(src))->size;
    BtCode *c = bt_compile_source(t, text, len, bt_as_str(file), mode); /* no stripping: eval() does that */
    return c ? bt_obj(c) : BT_UNDEF;
}

/* ---- super ---- */

typedef struct {
    BtObject hdr;
    BtType *type;     /* the class after which the MRO search starts */
    BtValue obj;      /* the bound object, or BT_UNDEF for super(type) */
    BtType *obj_type; /* obj's type, or obj itself when obj is a class */
} BtSuper;

static void super_trace(BtGc *gc, BtObject *self) {
    BtSuper *s = (BtSuper *)self;
    if (s->type)
        bt_gc_mark_obj(gc, (BtObject *)s->type);
    bt_gc_mark(gc, s->obj);
    if (s->obj_type)
        bt_gc_mark_obj(gc, (BtObject *)s->obj_type);
}

/* The first argument and __class__ of the calling function (zero-argument super). */
static bool super_from_frame(BtThread *t, BtValue *type_out, BtValue *obj_out) {
    BtFrame *f = bt_eval_current_frame(t);
    if (!f || !f->code || f->code->argcount == 0) {
        bt_raise(t, BT_EXC(t, RuntimeError), "super(): no arguments");
        return false;
    }
    BtCode *code = f->code;
    BtValue first = bt_frame_slots(f)[0];
    /* A captured first argument lives in its cell. */
    BtStr *argname = bt_as_str(code->varnames->items[0]);
    for (int i = 0; code->cellvars && i < code->ncells; i++) {
        if (bt_str_equal(bt_as_str(code->cellvars->items[i]), argname)) {
            BtValue c = bt_frame_slots(f)[code->nlocals + i];
            if (bt_is_obj(c) && bt_as_obj(c)->type == BT_TYPE(t, cell))
                first = ((BtCell *)bt_as_obj(c))->value;
            break;
        }
    }
    if (bt_is_undef(first)) {
        bt_raise(t, BT_EXC(t, RuntimeError), "super(): arg[0] deleted");
        return false;
    }
    BtStr *cls_name = BT_NAME(t, dunder_class);
    for (int i = 0; code->freevars && i < code->nfrees; i++) {
        if (!bt_str_equal(bt_as_str(code->freevars->items[i]), cls_name))
            continue;
        BtValue c = bt_frame_slots(f)[code->nlocals + code->ncells + i];
        if (!bt_is_obj(c) || bt_as_obj(c)->type != BT_TYPE(t, cell)) {
            bt_raise(t, BT_EXC(t, RuntimeError), "super(): bad __class__ cell");
            return false;
        }
        BtValue cls = ((BtCell *)bt_as_obj(c))->value;
        if (bt_is_undef(cls)) {
            bt_raise(t, BT_EXC(t, RuntimeError), "super(): empty __class__ cell");
            return false;
        }
        if (!is_type(t, cls)) {
            bt_raise(t, BT_EXC(t, RuntimeError), "super(): __class__ is not a type (%s)",
                     bt_type_name(t, cls));
            return false;
        }
        *type_out = cls;
        *obj_out = first;
        return true;
    }
    bt_raise(t, BT_EXC(t, RuntimeError), "super(): __class__ cell not found");
    return false;
}

static BtValue super_construct(BtThread *t, BtType *type, BtValue *args, int nargs,
                               BtTuple *kwnames) {
    if (!no_kw(t, "super", kwnames) || !expect_args(t, "super", nargs, NULL, 0, 2))
        return BT_UNDEF;
    BtValue cls, obj = BT_UNDEF;
    if (nargs == 0) {
        if (!super_from_frame(t, &cls, &obj))
            return BT_UNDEF;
    } else {
        cls = args[0];
        if (nargs == 2)
            obj = args[1];
        if (!is_type(t, cls)) {
            bt_raise(t, BT_EXC(t, TypeError), "super() argument 1 must be a type, not %s",
                     bt_type_name(t, cls));
            return BT_UNDEF;
        }
    }
    BtType *obj_type = NULL;
    if (!bt_is_undef(obj)) {
        if (is_type(t, obj) && bt_issubtype((BtType *)bt_as_obj(obj), (BtType *)bt_as_obj(cls)))
            obj_type = (BtType *)bt_as_obj(obj);
        else if (bt_isinstance(t, obj, (BtType *)bt_as_obj(cls)))
            obj_type = bt_type_of(t, obj);
        else {
            bt_raise(t, BT_EXC(t, TypeError),
                     "super(type, obj): obj must be an instance or subtype of type");
            return BT_UNDEF;
        }
    }
    BT_PUSH_ROOT(t, &cls);
    BT_PUSH_ROOT(t, &obj);
    BtSuper *s = bt_gc_alloc(t, type, sizeof(BtSuper));
    BT_POP_ROOT(t, 2);
    if (!s)
        return BT_UNDEF;
    s->type = (BtType *)bt_as_obj(cls);
    s->obj = obj;
    s->obj_type = obj_type;
    return bt_obj(s);
}

/* Look name up in the MRO after s->type and bind it to s->obj. */
static BtValue super_getattr(BtThread *t, BtValue self, BtStr *name) {
    BtSuper *s = (BtSuper *)bt_as_obj(self);
    if (s->obj_type && name != BT_NAME(t, dunder_class)) {
        BtTuple *mro = s->obj_type->mro;
        size_t i = 0;
        while (i < mro->len && bt_as_obj(mro->items[i]) != (BtObject *)s->type)
            i++;
        for (i++; i < mro->len; i++) {
            BtValue v = bt_dict_get_str(((BtType *)bt_as_obj(mro->items[i]))->dict, name);
            if (bt_is_undef(v))
                continue;
            /* Bind functions to an instance; through a class they stay plain. */
            bool instance = !(bt_is_obj(s->obj) && bt_as_obj(s->obj) == (BtObject *)s->obj_type);
            return bt_descr_get(t, v, instance ? s->obj : BT_UNDEF, s->obj_type);
        }
    }
    return bt_generic_getattr(t, self, name);
}

static BtValue super_repr(BtThread *t, BtValue self) {
    BtSuper *s = (BtSuper *)bt_as_obj(self);
    BtStr *r;
    if (s->obj_type)
        r = bt_str_format(t, "<super: <class '%S'>, <%S object>>", s->type->name,
                          s->obj_type->name);
    else
        r = bt_str_format(t, "<super: <class '%S'>, NULL>", s->type->name);
    return r ? bt_obj(r) : BT_UNDEF;
}

/* ---- classes ---- */

/* After meta(name, bases, ns) returned cls: the __class__ cell the body
 * made (super() in its methods) must hold cls, which type.__new__ does. */
static bool check_class_cell(BtThread *t, BtValue cell, BtValue name, BtValue cls) {
    if (!bt_is_class(t, cls) || !bt_is_obj(cell) || bt_as_obj(cell)->type != BT_TYPE(t, cell))
        return true;
    BtValue held = ((BtCell *)bt_as_obj(cell))->value;
    if (bt_same(held, cls))
        return true;
    if (bt_is_undef(held))
        bt_raise(t, BT_EXC(t, RuntimeError),
                 "__class__ not set defining %R as %R. Was __classcell__ propagated to "
                 "type.__new__?",
                 name, cls);
    else
        bt_raise(t, BT_EXC(t, TypeError), "__class__ set to %R defining %R as %R", held, name,
                 cls);
    return false;
}

/* The namespace of the class body: meta.__prepare__(name, bases, **kw) when
 * the metaclass has one, a new dict otherwise. Baton runs class bodies in a
 * dict: a subclass's __setitem__ and __delitem__ run, but reading a name
 * takes the entry (the loop's LOAD_NAME stays a dict lookup), so a subclass
 * whose __getitem__ or __missing__ would answer is refused, not misread. */
static BtValue prepare_namespace(BtThread *t, BtValue meta, BtValue *argv, BtTuple *ckw) {
    BtValue prep = bt_getattr_opt(t, meta, bt_str_intern_cstr(t, "__prepare__"));
    if (bt_is_undef(prep)) {
        if (bt_has_exc(t))
            return BT_UNDEF;
        BtDict *d = bt_dict_new(t);
        return d ? bt_obj(d) : BT_UNDEF;
    }
    /* argv is (name, bases, ns slot, keyword values...): the keyword values
     * move down to follow the two positional arguments. */
    int nk = ckw ? (int)ckw->len : 0;
    BtValue small[2 + 8];
    BtValue *pargv = nk <= 8 ? small : malloc((size_t)(2 + nk) * sizeof(BtValue));
    if (!pargv) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    pargv[0] = argv[0];
    pargv[1] = argv[1];
    if (nk)
        memcpy(pargv + 2, argv + 3, (size_t)nk * sizeof(BtValue));
    BT_PUSH_ROOT(t, &prep);
    BtValue ns = bt_call(t, prep, pargv, 2, ckw);
    BT_POP_ROOT(t, 1);
    if (pargv != small)
        free(pargv);
    if (bt_is_obj(ns) && bt_isinstance(t, ns, BT_TYPE(t, dict))) {
        BtType *nt = bt_type_of(t, ns);
        const char *hooks[] = {"__getitem__", "__missing__"};
        for (int i = 0; i < 2; i++) {
            BtValue h = bt_type_lookup(nt, bt_str_intern_cstr(t, hooks[i]));
            if (bt_is_obj(h) && bt_as_obj(h)->type != BT_TYPE(t, native)) {
                bt_raise(t, BT_EXC(t, NotImplementedError),
                         "a class namespace with its own %s (%s from __prepare__) is not "
                         "supported by Baton",
                         hooks[i], nt->name->data);
                return BT_UNDEF;
            }
        }
        return ns;
    }
    if (bt_is_undef(ns))
        return ns;
    const char *who = bt_is_class(t, meta) ? ((BtType *)bt_as_obj(meta))->name->data : "<metaclass>";
    if (!bt_is_undef(bt_type_lookup(bt_type_of(t, ns), BT_NAME(t, dunder_getitem))))
        bt_raise(t, BT_EXC(t, NotImplementedError),
                 "%s.__prepare__() returned a %s: Baton runs class bodies in a dict", who,
                 bt_type_name(t, ns));
    else
        bt_raise(t, BT_EXC(t, TypeError), "%s.__prepare__() must return a mapping, not %s", who,
                 bt_type_name(t, ns));
    return BT_UNDEF;
}

/* __build_class__(func, name, *bases, **kwds): the class statement. The
 * metaclass is metaclass= or the most derived of the bases' metaclasses;
 * with type itself the class is made here directly (the common case), with
 * another it is called as meta(name, bases, ns, **kwds). */
static BtValue builtin_build_class(BtThread *t, BtValue self, BtValue *args, int nargs,
                                   BtTuple *kwnames) {
    (void)self;
    if (nargs < 2) {
        bt_raise(t, BT_EXC(t, TypeError), "__build_class__: not enough arguments");
        return BT_UNDEF;
    }
    if (!(bt_is_obj(args[0]) && bt_as_obj(args[0])->type == BT_TYPE(t, function))) {
        bt_raise(t, BT_EXC(t, TypeError), "__build_class__: func must be a function");
        return BT_UNDEF;
    }
    if (!bt_is_str(t, args[1])) {
        bt_raise(t, BT_EXC(t, TypeError), "__build_class__: name is not a string");
        return BT_UNDEF;
    }
    BtFunction *func = (BtFunction *)bt_as_obj(args[0]);
    BtValue meta = BT_UNDEF, ns = BT_UNDEF, bases = BT_UNDEF, cell = BT_UNDEF, cls = BT_UNDEF;
    BtValue ckwv = BT_UNDEF; /* the class keywords but metaclass=, when one was given */
    int mk = -1;
    for (int k = 0; k < nkw(kwnames); k++)
        if (!strcmp(kw_name(kwnames, k), "metaclass"))
            mk = k;
    int nclasskw = nkw(kwnames) - (mk >= 0);
    BtValue small[3 + 8];
    BtValue *argv = nclasskw <= 8 ? small : malloc((size_t)(3 + nclasskw) * sizeof(BtValue));
    if (!argv) {
        bt_raise_memory(t);
        return BT_UNDEF;
    }
    BT_PUSH_ROOT(t, &meta);
    BT_PUSH_ROOT(t, &ns);
    BT_PUSH_ROOT(t, &bases);
    BT_PUSH_ROOT(t, &cell);
    BT_PUSH_ROOT(t, &cls);
    BT_PUSH_ROOT(t, &ckwv);
    BtTuple *ckw = nclasskw ? kwnames : NULL;
    for (int k = 0, j = 0; k < nkw(kwnames); k++)
        if (k != mk)
            argv[3 + j++] = KWARG(args, nargs, k);
    if (mk >= 0 && nclasskw) {
        BtTuple *names = bt_tuple_new(t, (size_t)nclasskw);
        if (!names)
            goto fail;
        for (int k = 0, j = 0; k < nkw(kwnames); k++)
            if (k != mk)
                names->items[j++] = kwnames->items[k];
        ckwv = bt_obj(names);
        ckw = names;
    }
    BtTuple *bt = bt_tuple_from(t, args + 2, (size_t)(nargs - 2));
    if (!bt)
        goto fail;
    bases = bt_obj(bt);
    bool is_class = true;
    if (mk >= 0) {
        meta = KWARG(args, nargs, mk);
        is_class = bt_is_class(t, meta);
    } else {
        meta = bt->len ? bt_obj(bt_type_of(t, bt->items[0])) : bt_obj(BT_TYPE(t, type));
    }
    if (is_class) {
        BtType *winner = bt_type_metaclass(t, (BtType *)bt_as_obj(meta), bt);
        if (!winner)
            goto fail;
        meta = bt_obj(winner);
    }
    bool plain = bt_as_obj(meta) == (BtObject *)BT_TYPE(t, type);
    argv[0] = args[1];
    argv[1] = bases;
    if (plain) {
        BtDict *d = bt_dict_new(t);
        ns = d ? bt_obj(d) : BT_UNDEF;
    } else {
        ns = prepare_namespace(t, meta, argv, ckw);
    }
    if (bt_is_undef(ns))
        goto fail;
    /* __module__ comes from the defining globals; the body may override it. */
    BtValue modname =
        func->globals ? bt_dict_get_str(func->globals, BT_NAME(t, dunder_name)) : BT_UNDEF;
    if (!bt_is_undef(modname) &&
        !(bt_as_obj(ns)->type == BT_TYPE(t, dict)
              ? bt_dict_set_str(t, bt_as_dict(ns), BT_NAME(t, dunder_module), modname)
              : bt_setitem(t, ns, bt_obj(BT_NAME(t, dunder_module)), modname)))
        goto fail;
    cell = bt_eval_class_body(t, func, (BtDict *)bt_as_obj(ns));
    if (bt_is_undef(cell))
        goto fail;
    if (plain) {
        cls = bt_type_make_class(t, BT_TYPE(t, type), bt_as_str(args[1]), bt, bt_as_dict(ns),
                                 argv + 3, ckw);
    } else {
        argv[1] = bases;
        argv[2] = ns;
        cls = bt_call(t, meta, argv, 3, ckw);
    }
    if (bt_is_undef(cls) || !check_class_cell(t, cell, args[1], cls))
        goto fail;
    BT_POP_ROOT(t, 6);
    if (argv != small)
        free(argv);
    return cls;
fail:
    BT_POP_ROOT(t, 6);
    if (argv != small)
        free(argv);
    return BT_UNDEF;
}

/* ---- odds and ends ---- */

/* exit([code]) / quit([code]): raise SystemExit(code). */
static BtValue builtin_exit(BtThread *t, BtValue self, BtValue *args, int nargs, BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "exit", kwnames) || !expect_args(t, "exit", nargs, NULL, 0, 1))
        return BT_UNDEF;
    BtValue e = bt_exc_new(t, BT_EXC(t, SystemExit), args, nargs);
    if (!bt_is_undef(e))
        bt_raise_value(t, e);
    return BT_UNDEF;
}

static BtValue builtin_format(BtThread *t, BtValue self, BtValue *args, int nargs,
                              BtTuple *kwnames) {
    (void)self;
    if (!no_kw(t, "format", kwnames) || !expect_args(t, "format", nargs, NULL, 1, 2))
        return BT_UNDEF;
    BtValue spec = nargs == 2 ? args[1] : bt_obj(BT_NAME(t, empty));
    if (!bt_is_str(t, spec)) {
        bt_raise(t, BT_EXC(t, TypeError), "format() argument 2 must be str, not %s",
                 bt_type_name(t, spec));
        return BT_UNDEF;
    }
    bool found;
    BtValue r = call_dunder(t, args[0], BT_NAME(t, dunder_format), &spec, 1, &found);
    if (!found) {
        if (bt_as_str(spec)->size == 0)
            return bt_str(t, args[0]);
        bt_raise(t, BT_EXC(t, TypeError), "unsupported format string passed to %s.__format__",
                 bt_type_name(t, args[0]));
        return BT_UNDEF;
    }
    if (!bt_is_undef(r) && !bt_is_str(t, r)) {
        bt_raise(t, BT_EXC(t, TypeError), "__format__ must return a str, not %s",
                 bt_type_name(t, r));
        return BT_UNDEF;
    }
    return r;
}

static const BtNativeDef builtin_functions[] = {
    {"print", builtin_print},
    {"input", builtin_input},
    {"len", builtin_len},
    {"repr", builtin_repr},
    {"ascii", builtin_ascii},
    {"abs", builtin_abs},
    {"id", builtin_id},
    {"hash", builtin_hash},
    {"callable", builtin_callable},
    {"hex", builtin_hex},
    {"oct", builtin_oct},
    {"bin", builtin_bin},
    {"chr", builtin_chr},
    {"ord", builtin_ord},
    {"divmod", builtin_divmod},
    {"pow", builtin_pow},
    {"round", builtin_round},
    {"isinstance", builtin_isinstance},
    {"issubclass", builtin_issubclass},
    {"iter", builtin_iter},
    {"next", builtin_next},
    {"aiter", builtin_aiter},
    {"anext", builtin_anext},
    {"min", builtin_min},
    {"max", builtin_max},
    {"sum", builtin_sum},
    {"any", builtin_any},
    {"all", builtin_all},
    {"sorted", builtin_sorted},
    {"getattr", builtin_getattr},
    {"hasattr", builtin_hasattr},
    {"setattr", builtin_setattr},
    {"delattr", builtin_delattr},
    {"dir", builtin_dir},
    {"globals", builtin_globals},
    {"__import__", builtin_import},
    {"locals", builtin_locals},
    {"vars", builtin_vars},
    {"open", bt_fileio_open},
    {"exit", builtin_exit},
    {"quit", builtin_exit},
    {"format", builtin_format},
    {"eval", builtin_eval},
    {"exec", builtin_exec},
    {"compile", builtin_compile},
    {"__build_class__", builtin_build_class},
    {NULL, NULL},
};

/* ---- setup ---- */

static bool bind(BtThread *t, BtDict *d, const char *name, BtValue v) {
    BtStr *key = bt_str_intern_cstr(t, name);
    return key && bt_dict_set_str(t, d, key, v);
}

/* A new iterator type bound in builtins under its name. */
static bool add_iter_type(BtThread *t, BtDict *d, const char *name,
                          BtValue (*construct)(BtThread *, BtType *, BtValue *, int, BtTuple *),
                          BtValue (*next)(BtThread *, BtValue)) {
    BtType *type = bt_type_new_native(t, name, NULL, sizeof(BtIterObj));
    if (!type)
        return false;
    BtValue tv = bt_obj(type);
    BT_PUSH_ROOT(t, &tv);
    type->construct = construct;
    /* CPython lets classes extend these (reversed(a_list) still gives a
     * list_reverseiterator, whatever class asked). */
    static const char *const extendable[] = {"enumerate", "zip", "map", "filter", "reversed"};
    for (size_t i = 0; i < sizeof extendable / sizeof *extendable; i++)
        if (strcmp(name, extendable[i]) == 0)
            type->flags |= BT_TYPE_BASETYPE;
    bool ok = setup_iter_type(t, type, next) && bind(t, d, name, tv) &&
              bt_type_add_static(t, type, "__new__", iterobj_new_method, false);
    BT_POP_ROOT(t, 1);
    return ok;
}

/* Create sys now (as CPython does at start-up) so print finds sys.stdout. */
static bool preload_sys(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "sys");
    if (!name)
        return false;
    if (!bt_is_undef(bt_dict_get_str(t->interp->modules, name)))
        return true;
    for (const BtNativeModuleDef *d = bt_stdlib_modules; d->name; d++) {
        if (strcmp(d->name, "sys") != 0)
            continue;
        BtModule *m = d->create(t);
        if (!m)
            return false;
        BtValue mv = bt_obj(m);
        BT_PUSH_ROOT(t, &mv);
        m->state = 1;
        bool ok = bt_dict_set_str(t, t->interp->modules, name, mv);
        BT_POP_ROOT(t, 1);
        return ok;
    }
    return true;
}

bool bt_builtins_init(BtThread *t) {
    BtInterp *in = t->interp;
    in->builtin_next_fn = builtin_next;
    if (!in->modules) {
        in->modules = bt_dict_new(t);
        if (!in->modules)
            return false;
    }
    BtStr *name = bt_str_intern_cstr(t, "builtins");
    if (!name)
        return false;
    BtModule *m = bt_module_new(t, name);
    if (!m)
        return false;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = true;
    if (in->builtins) {
        m->dict = in->builtins;
        ok = bt_dict_set_str(t, m->dict, BT_NAME(t, dunder_name), bt_obj(name));
    } else {
        in->builtins = m->dict;
    }
    BtDict *d = m->dict;
    ok = ok && bt_module_add_functions(t, m, builtin_functions);
    if (ok)
        in->default_import = bt_dict_get_str(d, BT_NAME(t, dunder_import));

    /* The built-in types, by their Python names. */
    struct {
        const char *name;
        BtType *type;
    } types[] = {
        {"object", in->types.object}, {"type", in->types.type},
        {"bool", in->types.bool_},    {"int", in->types.int_},
        {"float", in->types.float_},  {"str", in->types.str},
        {"bytes", in->types.bytes},   {"bytearray", in->types.bytearray},
        {"memoryview", in->types.memoryview},
        {"list", in->types.list},
        {"tuple", in->types.tuple},   {"dict", in->types.dict},
        {"set", in->types.set},       {"frozenset", in->types.frozenset},
        {"range", in->types.range},   {"slice", in->types.slice},
        {"super", in->types.super_},  {"property", in->types.property},
        {"staticmethod", in->types.staticmethod}, {"classmethod", in->types.classmethod},
    };
    for (size_t i = 0; ok && i < sizeof types / sizeof types[0]; i++)
        ok = bind(t, d, types[i].name, bt_obj(types[i].type));
#define BT_BIND_EXC(cls, base) ok = ok && bind(t, d, #cls, bt_obj(in->exc.cls));
    BT_EXCEPTION_TYPES(BT_BIND_EXC)
#undef BT_BIND_EXC
    ok = ok && bind(t, d, "__debug__", BT_TRUE) &&
         bind(t, d, "NotImplemented", bt_obj(in->not_implemented)) &&
         bind(t, d, "Ellipsis", bt_obj(in->ellipsis));

    /* super is an interpreter type whose layout is ours. */
    BtType *st = in->types.super_;
    st->layout = BT_LAYOUT_BUILTIN;
    st->instance_size = sizeof(BtSuper);
    st->construct = super_construct;
    st->getattr = super_getattr;
    st->repr = super_repr;
    st->trace = super_trace;
    st->hash = in->types.object->hash; /* by identity, as CPython's super */

    ok = ok && add_iter_type(t, d, "enumerate", enumerate_construct, enumerate_next) &&
         add_iter_type(t, d, "zip", zip_construct, zip_next) &&
         add_iter_type(t, d, "map", map_construct, map_next) &&
         add_iter_type(t, d, "filter", filter_construct, filter_next) &&
         add_iter_type(t, d, "reversed", reversed_construct, reversed_next);

    m->state = 1;
    ok = ok && bt_dict_set_str(t, in->modules, name, mv) && preload_sys(t);
    BT_POP_ROOT(t, 1);
    return ok;
}
