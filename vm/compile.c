/* compile.c: syntax tree to code objects, the compiler's second pass (vm stage;
 * see vm/README.md and compile.h).
 *
 * Design notes. Code generation follows CPython 3.11's compiler closely, so
 * `python3 -m dis` is the reference for every pattern emitted here; the
 * differences are Baton's: absolute jump targets, no lasti slot in handlers,
 * no EXTENDED_ARG, no caches.
 *
 * - One Unit per code object being generated (module, class body, function,
 *   lambda, comprehension); units nest while a child body is compiled, and a
 *   finished unit becomes a BtCode stored in its parent's constants.
 * - Instructions are emitted into a flat array; jump arguments are label ids
 *   until assemble() resolves them. A private JUMP pseudo-op becomes
 *   JUMP_FORWARD or JUMP_BACKWARD by direction, so every backward jump is
 *   the one that checks the eval breaker.
 * - Exception handling uses 3.11's zero-cost tables: every instruction records
 *   the handler in force when it was emitted (SETUP pushes one, POP_BLOCK
 *   pops it), and assemble() turns runs of equal handlers into BtHandler
 *   ranges that never overlap. Since handlers are plain indices, cleanup code
 *   placed out of line can name the handler it belongs to explicitly.
 * - The stack depth is tracked while emitting (a handler's depth must be
 *   known when it is set up), dead code after a jump/return/raise is dropped
 *   until a label that something jumps to, and assemble() recomputes the
 *   maximum depth over the control-flow graph (fall-through, jump and
 *   handler edges), checking the two agree.
 * - GC: every object made here (constants, names, code objects) is appended
 *   to one `keep` list that is a temporary root for the whole compilation, so
 *   C arrays of values can point at them freely.
 */
#include "vm/compile.h"

#include <stdlib.h>
#include <string.h>

#include "parser/parser.h"
#include "vm/exc.h"
#include "vm/list.h"
#include "vm/num.h"
#include "vm/str.h"
#include "vm/strformat.h"
#include "vm/symtable.h"

/* The pseudo-op for an unconditional jump whose direction is not known yet. */
#define OP_JUMP 255
/* CPython's limit on statically nested blocks (CO_MAXBLOCKS). */
#define MAX_FBLOCKS 20

typedef struct {
    uint8_t op;
    uint32_t arg; /* a label id for jumps until assemble() */
    int32_t line;
    int32_t handler; /* index into Unit.handlers, or -1 */
} Ins;

typedef struct {
    int pos;   /* instruction index once bound, else -1 */
    int depth; /* stack depth on arrival, -1 while unknown */
} Label;

typedef struct {
    int label;  /* where the handler code starts */
    int depth;  /* stack depth to cut to before pushing the exception */
    int parent; /* the handler in force outside this one, or -1 */
} Handler;

typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
} FBlockKind;

/* A statically nested block that break/continue/return must unwind. */
typedef struct {
    FBlockKind kind;
    int block;             /* loops: the label continue jumps to */
    int exit;              /* loops: the label break jumps to */
    int handler;           /* the innermost handler this block set up, or -1 */
    int line;              /* with: the statement's line (for the __exit__ call) */
    const void *datum;     /* FINALLY_TRY: the finalbody list; HANDLER_CLEANUP: the name */
} FBlock;

typedef struct Unit {
    struct Unit *prev;
    BtScope *scope;
    BtStr *name, *qualname;
    int firstlineno;
    uint32_t flags;
    Ins *ins;
    int nins, cap_ins;
    Label *labels;
    int nlabels, cap_labels;
    Handler *handlers;
    int nhandlers, cap_handlers;
    int cur_handler;
    BtValue *consts;
    int nconsts, cap_consts;
    int *const_slots;      /* open-addressed index of consts: 1 + position, 0 when empty */
    size_t const_slots_cap; /* a power of two, at least twice nconsts (0: none yet) */
    BtStr **names;
    int nnames, cap_names;
    const char **varnames;
    int nlocals;
    const char **cellvars;
    int ncells;
    const char **freevars;
    int nfrees;
    int depth, maxdepth;
    bool reachable;
    int lineno;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
} Unit;

typedef struct {
    BtThread *t;
    BtSymtable *st;
    BtSyntaxError *err;
    BtStr *filename;
    BtCompileMode mode;
    Unit *u;
    BtValue keep; /* BtList: everything allocated so far (a GC root) */
    bool failed;
    bool internal; /* an inconsistency in the generated code (a compiler bug) */
} Compiler;

/* ---- errors ----------------------------------------------------------------------------------- */

static bool compile_error(Compiler *c, int line, int col, int end_line, int end_col,
                          const char *fmt, const char *arg) {
    if (!c->failed)
        bt_syntax_error_set(c->err, BT_SYNERR_SYNTAX, line, col + 1, end_line, end_col + 1, fmt,
                            arg);
    c->failed = true;
    return false;
}

#define ERROR_AT(c, n, msg) compile_error((c), (n)->line, (n)->col, (n)->end_line, (n)->end_col, \
                                          (msg), "")
#define ERROR_AT_S(c, n, msg, s)                                                                   \
    compile_error((c), (n)->line, (n)->col, (n)->end_line, (n)->end_col, (msg), (s))

/* Running out of memory in C buffers: raise MemoryError in t. */
static bool fail_memory(Compiler *c) {
    if (!bt_has_exc(c->t))
        bt_raise_memory(c->t);
    c->failed = true;
    return false;
}

/* A raised exception (already in t) stops the compilation. */
static bool fail_raised(Compiler *c) {
    c->failed = true;
    return false;
}

static bool grow(Compiler *c, void **arr, int *cap, int need, size_t elem) {
    if (need <= *cap)
        return true;
    int ncap = *cap ? *cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    void *p = realloc(*arr, (size_t)ncap * elem);
    if (!p)
        return fail_memory(c);
    *arr = p;
    *cap = ncap;
    return true;
}

#define GROW(c, arr, cap, need) grow((c), (void **)&(arr), &(cap), (need), sizeof *(arr))

/* ---- objects: constants and names ----------------------------------------------------------- */

static bool keep(Compiler *c, BtValue v) {
    if (!bt_list_append(c->t, bt_as_list(c->keep), v))
        return fail_raised(c);
    return true;
}

/* Interned strings live as long as the interpreter (its interned table is a
 * GC root), so they need no place in c->keep. */
static BtStr *intern(Compiler *c, const char *s) {
    BtStr *str = bt_str_intern_cstr(c->t, s);
    if (!str)
        fail_raised(c);
    return str;
}

static bool all_name_chars(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (!(ch == '_' || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
              (ch >= 'A' && ch <= 'Z')))
            return false;
    }
    return true;
}

/* Same constant for co_consts purposes: same type and value (1, 1.0 and True differ). */
static bool same_const(Compiler *c, BtValue a, BtValue b) {
    if (bt_kind(a) != bt_kind(b))
        return false;
    switch (bt_kind(a)) {
    case BT_V_UNDEF:
    case BT_V_NONE:
        return true;
    case BT_V_BOOL:
        return bt_as_bool(a) == bt_as_bool(b);
    case BT_V_INT:
        return bt_as_i64(a) == bt_as_i64(b);
    case BT_V_FLOAT: {
        double x = bt_as_f64(a), y = bt_as_f64(b); /* bitwise: 0.0 and -0.0 differ */
        return memcmp(&x, &y, sizeof(double)) == 0;
    }
    case BT_V_OBJ:
        break;
    }
    if (bt_as_obj(a) == bt_as_obj(b))
        return true;
    BtThread *t = c->t;
    if (bt_as_obj(a)->type != bt_as_obj(b)->type)
        return false;
    if (bt_is_str(t, a)) {
        BtStr *x = bt_as_str(a), *y = bt_as_str(b);
        return x->size == y->size && memcmp(x->data, y->data, x->size) == 0;
    }
    if (bt_is_tuple(t, a)) {
        BtTuple *x = bt_as_tuple(a), *y = bt_as_tuple(b);
        if (x->len != y->len)
            return false;
        for (size_t i = 0; i < x->len; i++)
            if (!same_const(c, x->items[i], y->items[i]))
                return false;
        return true;
    }
    return false;
}

/* The slot hash of a constant from its tag and a hash of its value; the tag
 * is mixed in so that 1, 1.0 and True rarely collide. */
static uint64_t const_slot_hash(unsigned tag, uint64_t payload) {
    uint64_t h = (uint64_t)tag * 0x9E3779B97F4A7C15u ^ payload;
    /* Spread the bits so that the low ones, which pick the slot, vary. */
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9u;
    return h ^ (h >> 29);
}

/* A hash of a constant that agrees with same_const (equal constants hash
 * alike). Objects other than str and tuple are only the same by identity. */
static uint64_t const_hash(Compiler *c, BtValue v) {
    uint64_t payload = 0;
    switch (bt_kind(v)) {
    case BT_V_UNDEF:
    case BT_V_NONE:
        break;
    case BT_V_BOOL:
        payload = bt_as_bool(v);
        break;
    case BT_V_INT:
        payload = (uint64_t)bt_as_i64(v);
        break;
    case BT_V_FLOAT: {
        double f = bt_as_f64(v);
        memcpy(&payload, &f, sizeof payload);
        break;
    }
    case BT_V_OBJ:
        if (bt_is_str(c->t, v)) {
            payload = (uint64_t)bt_hash_bytes(bt_as_str(v)->data, bt_as_str(v)->size);
        } else if (bt_is_tuple(c->t, v)) {
            BtTuple *tup = bt_as_tuple(v);
            payload = tup->len;
            for (size_t i = 0; i < tup->len; i++)
                payload = (payload ^ const_hash(c, tup->items[i])) * 0x100000001B3u;
        } else {
            payload = (uint64_t)(uintptr_t)bt_as_obj(v);
        }
        break;
    }
    return const_slot_hash(bt_kind(v), payload);
}

/* Rebuild the index of u's constants with room for cap slots. */
static bool rehash_consts(Compiler *c, Unit *u, size_t cap) {
    int *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return fail_memory(c);
    for (int i = 0; i < u->nconsts; i++) {
        size_t j = const_hash(c, u->consts[i]) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = i + 1;
    }
    free(u->const_slots);
    u->const_slots = slots;
    u->const_slots_cap = cap;
    return true;
}

/* Index of v in co_consts, adding it; a hash lookup, so compiling n distinct
 * constants costs O(n), not O(n^2). Code objects are never shared. -1 on failure. */
static int add_const(Compiler *c, BtValue v) {
    Unit *u = c->u;
    bool is_code = bt_is_obj(v) && bt_as_obj(v)->type == BT_TYPE(c->t, code);
    if ((size_t)u->nconsts * 2 + 2 > u->const_slots_cap &&
        !rehash_consts(c, u, u->const_slots_cap ? u->const_slots_cap * 2 : 16))
        return -1;
    size_t mask = u->const_slots_cap - 1;
    size_t j = const_hash(c, v) & mask;
    for (; u->const_slots[j]; j = (j + 1) & mask)
        if (!is_code && same_const(c, u->consts[u->const_slots[j] - 1], v))
            return u->const_slots[j] - 1;
    if (!GROW(c, u->consts, u->cap_consts, u->nconsts + 1))
        return -1;
    u->consts[u->nconsts] = v;
    u->const_slots[j] = u->nconsts + 1;
    return u->nconsts++;
}

/* A str constant: interned when it looks like an identifier, as CPython does.
 * An equal str already among the constants is reused (found through the index). */
static bool make_str(Compiler *c, const char *s, size_t n, BtValue *out) {
    Unit *u = c->u;
    if (u->const_slots_cap) {
        uint64_t h = const_slot_hash(BT_V_OBJ, (uint64_t)bt_hash_bytes(s, n));
        size_t mask = u->const_slots_cap - 1;
        for (size_t j = h & mask; u->const_slots[j]; j = (j + 1) & mask) {
            BtValue v = u->consts[u->const_slots[j] - 1];
            if (bt_is_str(c->t, v) && bt_as_str(v)->size == n &&
                memcmp(bt_as_str(v)->data, s, n) == 0) {
                *out = v;
                return true;
            }
        }
    }
    bool name_like = all_name_chars(s, n);
    BtStr *str = name_like ? bt_str_intern(c->t, s, n) : bt_str_new(c->t, s, n);
    if (!str)
        return fail_raised(c);
    *out = bt_obj(str);
    return name_like || keep(c, *out);
}

/* Index of an interned name in co_names, adding it. -1 on failure. */
static int add_name(Compiler *c, const char *name) {
    BtStr *s = intern(c, name);
    if (!s)
        return -1;
    Unit *u = c->u;
    for (int i = 0; i < u->nnames; i++)
        if (u->names[i] == s)
            return i;
    if (!GROW(c, u->names, u->cap_names, u->nnames + 1))
        return -1;
    u->names[u->nnames] = s;
    return u->nnames++;
}

/* A tuple constant of interned strs (KW_NAMES, import fromlists). */
static int add_name_tuple(Compiler *c, const char **names, int n) {
    BtThread *t = c->t;
    BtTuple *tup = bt_tuple_new(t, (size_t)n);
    if (!tup) {
        fail_raised(c);
        return -1;
    }
    BtValue tv = bt_obj(tup);
    if (!keep(c, tv))
        return -1;
    for (int i = 0; i < n; i++) {
        BtStr *s = intern(c, names[i]);
        if (!s)
            return -1;
        tup->items[i] = bt_obj(s);
    }
    return add_const(c, tv);
}

/* ---- emitting ---------------------------------------------------------------------------------- */

static int effect(int op, uint32_t arg, int jump) {
    if (op == OP_JUMP)
        return 0;
    return bt_op_stack_effect(op, arg, jump);
}

static bool is_unconditional(int op) {
    return op == OP_JUMP || op == BT_OP_JUMP_FORWARD || op == BT_OP_JUMP_BACKWARD ||
           op == BT_OP_RETURN_VALUE || op == BT_OP_RAISE_VARARGS || op == BT_OP_RERAISE;
}

static bool is_jump_op(int op) {
    return op == OP_JUMP || bt_op_is_jump(op);
}

static bool push_ins(Compiler *c, int op, uint32_t arg) {
    Unit *u = c->u;
    if (!GROW(c, u->ins, u->cap_ins, u->nins + 1))
        return false;
    u->ins[u->nins++] = (Ins){.op = (uint8_t)op, .arg = arg, .line = u->lineno,
                              .handler = u->cur_handler};
    return true;
}

static void note_depth(Compiler *c) {
    if (c->u->depth > c->u->maxdepth)
        c->u->maxdepth = c->u->depth;
    if (c->u->depth < 0)
        c->internal = true;
}

static bool emit(Compiler *c, int op, uint32_t arg) {
    Unit *u = c->u;
    if (!u->reachable)
        return true;
    if (arg > BT_ARG_MAX)
        return compile_error(c, u->lineno, 0, u->lineno, 0,
                             "too many constants or names in one code object", "");
    if (!push_ins(c, op, arg))
        return false;
    u->depth += effect(op, arg, 0);
    note_depth(c);
    if (is_unconditional(op))
        u->reachable = false;
    return true;
}

#define EMIT(c, op, arg)                                                                           \
    do {                                                                                           \
        if (!emit((c), BT_OP_##op, (uint32_t)(arg)))                                               \
            return false;                                                                          \
    } while (0)
#define EMIT0(c, op) EMIT(c, op, 0)

static int new_label(Compiler *c) {
    Unit *u = c->u;
    if (!GROW(c, u->labels, u->cap_labels, u->nlabels + 1))
        return -1;
    u->labels[u->nlabels] = (Label){.pos = -1, .depth = -1};
    return u->nlabels++;
}

#define NEW_LABEL(c, var)                                                                          \
    int var = new_label(c);                                                                        \
    if (var < 0)                                                                                   \
        return false;

static void set_label_depth(Compiler *c, int label, int depth) {
    Unit *u = c->u;
    if (u->labels[label].depth < 0)
        u->labels[label].depth = depth;
    else if (u->labels[label].depth != depth)
        c->internal = true;
}

static bool emit_jump(Compiler *c, int op, int label) {
    Unit *u = c->u;
    if (!u->reachable)
        return true;
    if (!push_ins(c, op, (uint32_t)label))
        return false;
    set_label_depth(c, label, u->depth + effect(op, 0, 1));
    u->depth += effect(op, 0, 0);
    note_depth(c);
    if (is_unconditional(op))
        u->reachable = false;
    return true;
}

#define JUMP(c, op, label)                                                                         \
    do {                                                                                           \
        if (!emit_jump((c), BT_OP_##op, (label)))                                                  \
            return false;                                                                          \
    } while (0)
#define JUMP_TO(c, label)                                                                          \
    do {                                                                                           \
        if (!emit_jump((c), OP_JUMP, (label)))                                                     \
            return false;                                                                          \
    } while (0)

static void bind_label(Compiler *c, int label) {
    Unit *u = c->u;
    u->labels[label].pos = u->nins;
    if (u->labels[label].depth >= 0) {
        if (u->reachable && u->depth != u->labels[label].depth)
            c->internal = true;
        u->depth = u->labels[label].depth;
        u->reachable = true;
    } else if (u->reachable) {
        u->labels[label].depth = u->depth;
    }
}

/* Start a protected range: exceptions inside go to label with the stack cut to depth. */
static int setup_handler(Compiler *c, int label, int depth) {
    Unit *u = c->u;
    if (!GROW(c, u->handlers, u->cap_handlers, u->nhandlers + 1))
        return -1;
    u->handlers[u->nhandlers] = (Handler){.label = label, .depth = depth,
                                          .parent = u->cur_handler};
    set_label_depth(c, label, depth + 1);
    u->cur_handler = u->nhandlers;
    return u->nhandlers++;
}

#define SETUP(c, var, label, depth)                                                                \
    int var = setup_handler((c), (label), (depth));                                                \
    if (var < 0)                                                                                   \
        return false;

/* End the protected range of handler h (3.11's POP_BLOCK). */
static void pop_block(Compiler *c, int h) {
    c->u->cur_handler = c->u->handlers[h].parent;
}

static bool load_const(Compiler *c, BtValue v) {
    int i = add_const(c, v);
    if (i < 0)
        return false;
    return emit(c, BT_OP_LOAD_CONST, (uint32_t)i);
}

#define LOAD_CONST(c, v)                                                                           \
    do {                                                                                           \
        if (!load_const((c), (v)))                                                                 \
            return false;                                                                          \
    } while (0)

static bool emit_name(Compiler *c, int op, const char *name) {
    int i = add_name(c, name);
    if (i < 0)
        return false;
    return emit(c, op, (uint32_t)i);
}

#define EMIT_NAME(c, op, name)                                                                     \
    do {                                                                                           \
        if (!emit_name((c), BT_OP_##op, (name)))                                                   \
            return false;                                                                          \
    } while (0)

/* ---- blocks ------------------------------------------------------------------------------------ */

static bool push_fblock(Compiler *c, const void *node, FBlockKind kind, int block, int exit,
                        int handler, const void *datum) {
    Unit *u = c->u;
    if (u->nfblocks >= MAX_FBLOCKS) {
        const BtAstStmt *s = node;
        if (!s)
            return compile_error(c, u->lineno, 0, u->lineno, 0,
                                 "too many statically nested blocks", "");
        return ERROR_AT(c, s, "too many statically nested blocks");
    }
    u->fblocks[u->nfblocks++] = (FBlock){.kind = kind, .block = block, .exit = exit,
                                         .handler = handler, .line = u->lineno, .datum = datum};
    return true;
}

static void pop_fblock(Compiler *c) {
    c->u->nfblocks--;
}

/* ---- scopes and names -------------------------------------------------------------------------- */

static bool is_function_unit(const Unit *u) {
    return u->scope->kind != BT_SCOPE_MODULE && u->scope->kind != BT_SCOPE_CLASS;
}

static int find_str(const char **arr, int n, const char *name) {
    for (int i = 0; i < n; i++)
        if (strcmp(arr[i], name) == 0)
            return i;
    return -1;
}

static const char *mangle(Compiler *c, const char *name) {
    const char *m = bt_symtable_mangle(c->st, c->u->scope->private_name, name);
    if (!m)
        fail_memory(c);
    return m;
}

/* Load, store or delete a variable, choosing the instruction family from its scope. */
static bool compile_nameop(Compiler *c, const char *id, BtAstExprContext ctx) {
    Unit *u = c->u;
    const char *name = mangle(c, id);
    if (!name)
        return false;
    BtSymScope scope = bt_scope_resolve(u->scope, name);
    bool fn = is_function_unit(u);
    enum { FAST, GLOBAL, DEREF, NAME } kind = fn ? GLOBAL : NAME;
    int idx = -1;
    switch (scope) {
    case BT_SYM_FREE:
        idx = find_str(u->freevars, u->nfrees, name);
        if (idx >= 0) {
            kind = DEREF;
            idx += u->nlocals + u->ncells;
        }
        break;
    case BT_SYM_CELL:
        idx = find_str(u->cellvars, u->ncells, name);
        if (idx >= 0) {
            kind = DEREF;
            idx += u->nlocals;
        }
        break;
    case BT_SYM_LOCAL:
        if (fn) {
            idx = find_str(u->varnames, u->nlocals, name);
            kind = idx >= 0 ? FAST : GLOBAL;
        }
        break;
    case BT_SYM_GLOBAL_EXPLICIT:
        kind = GLOBAL;
        break;
    case BT_SYM_GLOBAL_IMPLICIT:
    case BT_SYM_UNKNOWN:
        break;
    }
    switch (kind) {
    case FAST:
        return emit(c, ctx == BT_CTX_LOAD    ? BT_OP_LOAD_FAST
                       : ctx == BT_CTX_STORE ? BT_OP_STORE_FAST
                                             : BT_OP_DELETE_FAST,
                    (uint32_t)idx);
    case DEREF:
        return emit(c, ctx == BT_CTX_LOAD ? (u->scope->kind == BT_SCOPE_CLASS
                                                 ? BT_OP_LOAD_CLASSDEREF
                                                 : BT_OP_LOAD_DEREF)
                       : ctx == BT_CTX_STORE ? BT_OP_STORE_DEREF
                                             : BT_OP_DELETE_DEREF,
                    (uint32_t)idx);
    case GLOBAL: {
        int ni = add_name(c, name);
        if (ni < 0)
            return false;
        if (ctx == BT_CTX_LOAD)
            return emit(c, BT_OP_LOAD_GLOBAL, (uint32_t)ni << 1);
        return emit(c, ctx == BT_CTX_STORE ? BT_OP_STORE_GLOBAL : BT_OP_DELETE_GLOBAL,
                    (uint32_t)ni);
    }
    case NAME:
        break;
    }
    return emit_name(c, ctx == BT_CTX_LOAD    ? BT_OP_LOAD_NAME
                        : ctx == BT_CTX_STORE ? BT_OP_STORE_NAME
                                              : BT_OP_DELETE_NAME,
                     name);
}

/* LOAD_CLOSURE for a name the current unit provides to a child (cell or free). */
static bool load_closure(Compiler *c, const char *name) {
    Unit *u = c->u;
    int i = find_str(u->cellvars, u->ncells, name);
    if (i >= 0)
        return emit(c, BT_OP_LOAD_CLOSURE, (uint32_t)(u->nlocals + i));
    i = find_str(u->freevars, u->nfrees, name);
    if (i >= 0)
        return emit(c, BT_OP_LOAD_CLOSURE, (uint32_t)(u->nlocals + u->ncells + i));
    c->internal = true;
    return true;
}

static int cmp_cstr(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static BtStr *make_qualname(Compiler *c, Unit *parent, BtScope *scope, const char *name) {
    if (!parent || parent->scope->kind == BT_SCOPE_MODULE)
        return intern(c, name);
    if (scope->kind == BT_SCOPE_FUNCTION || scope->kind == BT_SCOPE_CLASS) {
        const char *m = bt_symtable_mangle(c->st, parent->scope->private_name, name);
        if (m && bt_scope_resolve(parent->scope, m) == BT_SYM_GLOBAL_EXPLICIT)
            return intern(c, name);
    }
    bool fn = is_function_unit(parent);
    BtStr *q = bt_str_format(c->t, fn ? "%S.<locals>.%s" : "%S.%s", parent->qualname, name);
    if (!q) {
        fail_raised(c);
        return NULL;
    }
    if (!keep(c, bt_obj(q)))
        return NULL;
    return q;
}

static void unit_free(Unit *u) {
    free(u->ins);
    free(u->labels);
    free(u->handlers);
    free(u->consts);
    free(u->const_slots);
    free(u->names);
    free(u->varnames);
    free(u->cellvars);
    free(u->freevars);
    free(u);
}

/* Open a unit for scope and emit its prologue (MAKE_CELL, cell parameters, RESUME). */
static bool enter_unit(Compiler *c, BtScope *scope, const char *name, int firstlineno) {
    if (!scope) {
        c->internal = true;
        return fail_memory(c);
    }
    Unit *u = calloc(1, sizeof *u);
    if (!u)
        return fail_memory(c);
    u->scope = scope;
    u->cur_handler = -1;
    u->reachable = true;
    u->firstlineno = firstlineno;
    u->prev = c->u;
    c->u = u;
    BtStr *qualname = make_qualname(c, u->prev, scope, name);
    if (!qualname)
        return false;
    u->qualname = qualname;
    u->name = intern(c, name);
    if (!u->name)
        return false;
    bool fn = is_function_unit(u);
    u->varnames = calloc((size_t)scope->nsyms + (size_t)scope->nparams + 1, sizeof(char *));
    u->cellvars = calloc((size_t)scope->nsyms + 2, sizeof(char *));
    u->freevars = calloc((size_t)scope->nsyms + 1, sizeof(char *));
    if (!u->varnames || !u->cellvars || !u->freevars)
        return fail_memory(c);
    if (fn) {
        for (int i = 0; i < scope->nparams; i++)
            u->varnames[u->nlocals++] = scope->params[i];
    }
    for (int i = 0; i < scope->nsyms; i++) {
        const BtSymbol *sym = &scope->syms[i];
        if (fn && sym->scope == BT_SYM_LOCAL && !(sym->flags & BT_DEF_PARAM))
            u->varnames[u->nlocals++] = sym->name;
        if (sym->scope == BT_SYM_CELL)
            u->cellvars[u->ncells++] = sym->name;
        if (sym->scope == BT_SYM_FREE ||
            (scope->kind == BT_SCOPE_CLASS && (sym->flags & BT_DEF_FREE_CLASS)))
            u->freevars[u->nfrees++] = sym->name;
    }
    if (scope->kind == BT_SCOPE_CLASS && scope->needs_class_closure)
        u->cellvars[u->ncells++] = "__class__";
    qsort(u->cellvars, (size_t)u->ncells, sizeof(char *), cmp_cstr);
    qsort(u->freevars, (size_t)u->nfrees, sizeof(char *), cmp_cstr);

    switch (scope->kind) {
    case BT_SCOPE_MODULE:
        u->flags = BT_CODE_MODULE;
        break;
    case BT_SCOPE_CLASS:
        u->flags = BT_CODE_MODULE | BT_CODE_CLASS;
        break;
    default:
        if (scope->varargs)
            u->flags |= BT_CODE_VARARGS;
        if (scope->varkw)
            u->flags |= BT_CODE_VARKEYWORDS;
        if (scope->generator)
            u->flags |= BT_CODE_GENERATOR;
        /* Coroutines and async generators run in a generator's frame too:
         * they suspend the same way. */
        if (scope->coroutine && scope->generator)
            u->flags |= BT_CODE_GENERATOR | BT_CODE_ASYNC_GENERATOR;
        else if (scope->coroutine)
            u->flags |= BT_CODE_GENERATOR | BT_CODE_COROUTINE;
        break;
    }

    u->lineno = scope->kind == BT_SCOPE_MODULE ? 0 : firstlineno;
    for (int i = 0; i < u->ncells; i++)
        EMIT(c, MAKE_CELL, u->nlocals + i);
    for (int i = 0; i < u->ncells; i++) {
        int p = fn ? find_str(u->varnames, scope->nparams, u->cellvars[i]) : -1;
        if (p >= 0) {
            EMIT(c, LOAD_FAST, p);
            EMIT(c, STORE_DEREF, u->nlocals + i);
        }
    }
    EMIT(c, RESUME, 0);
    return true;
}

/* ---- assembling a unit into a code object ------------------------------------------------------ */

/* Stack depths over the control-flow graph: fall-through, jump and handler
 * edges from instruction 0. ins[] has resolved jump targets; depth[i] is set
 * for every reachable instruction (-1 for dead code). Returns the maximum
 * depth, or -1 when two paths disagree or the stack underflows (a compiler bug). */
static int flow_depth(const Ins *ins, uint32_t n, const Handler *handlers, const Label *labels,
                      int *depth) {
    uint32_t *work = malloc((n + 1) * sizeof *work);
    if (!work)
        return -2;
    for (uint32_t i = 0; i < n; i++)
        depth[i] = -1;
    int maxd = 0, nwork = 0;
    bool bad = false;
#define PROPAGATE(target, d)                                                                       \
    do {                                                                                           \
        uint32_t tg_ = (target);                                                                   \
        int d_ = (d);                                                                              \
        if (tg_ >= n || d_ < 0) {                                                                  \
            bad = true;                                                                            \
        } else if (depth[tg_] < 0) {                                                               \
            depth[tg_] = d_;                                                                       \
            work[nwork++] = tg_;                                                                   \
        } else if (depth[tg_] != d_) {                                                             \
            bad = true;                                                                            \
        }                                                                                          \
    } while (0)
    if (n > 0)
        PROPAGATE(0, 0);
    while (nwork > 0 && !bad) {
        uint32_t i = work[--nwork];
        int d = depth[i];
        for (;;) {
            int op = ins[i].op;
            uint32_t arg = ins[i].arg;
            if (ins[i].handler >= 0) {
                const Handler *h = &handlers[ins[i].handler];
                PROPAGATE((uint32_t)labels[h->label].pos, h->depth + 1);
                if (h->depth + 1 > maxd)
                    maxd = h->depth + 1;
            }
            if (bt_op_is_jump(op)) {
                int jd = d + bt_op_stack_effect(op, arg, 1);
                if (jd > maxd)
                    maxd = jd;
                PROPAGATE(arg, jd);
            }
            d += bt_op_stack_effect(op, arg, 0);
            if (d < 0)
                bad = true;
            if (d > maxd)
                maxd = d;
            if (is_unconditional(op) || bad)
                break;
            if (++i >= n) {
                bad = true; /* fell off the end */
                break;
            }
            if (depth[i] >= 0) {
                if (depth[i] != d)
                    bad = true;
                break;
            }
            depth[i] = d;
        }
    }
#undef PROPAGATE
    free(work);
    return bad ? -1 : maxd;
}

/* Mark each LOAD_FAST whose local may be unbound there as LOAD_FAST_CHECK,
 * so only those test for UnboundLocalError when they run. A forward pass
 * over the control-flow graph of flow_depth (fall-through, jump and handler
 * edges) finds the locals surely bound before each instruction: the
 * parameters at entry, then every STORE_FAST binds and DELETE_FAST unbinds,
 * and where paths meet only what all of them bound stays bound. Locals past
 * the first 64 are always checked. false when memory runs out. */
static bool mark_unbound_loads(Unit *u, uint32_t n, const int *depth) {
    uint64_t *bound = malloc((n ? n : 1) * sizeof *bound);
    uint32_t *work = malloc((n ? n : 1) * sizeof *work);
    uint8_t *seen = calloc(n ? n : 1, 1);
    if (!bound || !work || !seen) {
        free(bound);
        free(work);
        free(seen);
        return false;
    }
    int nparams = u->scope->argcount + u->scope->kwonlyargcount +
                  !!(u->flags & BT_CODE_VARARGS) + !!(u->flags & BT_CODE_VARKEYWORDS);
    uint32_t nwork = 0;
    enum { SEEN = 1, QUEUED = 2 };
    if (n > 0) {
        bound[0] = nparams >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << nparams) - 1);
        seen[0] = SEEN | QUEUED;
        work[nwork++] = 0;
    }
    while (nwork > 0) {
        uint32_t i = work[--nwork];
        seen[i] &= (uint8_t)~QUEUED;
        const Ins *in = &u->ins[i];
        uint64_t out = bound[i];
        if (in->op == BT_OP_STORE_FAST && in->arg < 64)
            out |= (uint64_t)1 << in->arg;
        else if (in->op == BT_OP_DELETE_FAST && in->arg < 64)
            out &= ~((uint64_t)1 << in->arg);
        /* Successors with the state they receive; an exception leaves before
         * the instruction binds anything. */
        struct {
            uint32_t at;
            uint64_t state;
        } succ[3];
        int nsucc = 0;
        if (!is_unconditional(in->op) && i + 1 < n)
            succ[nsucc].at = i + 1, succ[nsucc++].state = out;
        if (bt_op_is_jump(in->op))
            succ[nsucc].at = in->arg, succ[nsucc++].state = out;
        if (in->handler >= 0)
            succ[nsucc].at = (uint32_t)u->labels[u->handlers[in->handler].label].pos,
            succ[nsucc++].state = bound[i];
        for (int k = 0; k < nsucc; k++) {
            uint32_t sx = succ[k].at;
            if (sx >= n || depth[sx] < 0)
                continue;
            uint64_t merged = (seen[sx] & SEEN) ? bound[sx] & succ[k].state : succ[k].state;
            if (!(seen[sx] & SEEN) || merged != bound[sx]) {
                bound[sx] = merged;
                if (!(seen[sx] & QUEUED))
                    work[nwork++] = sx; /* at most once in the list: n slots suffice */
                seen[sx] = SEEN | QUEUED;
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        Ins *in = &u->ins[i];
        if (in->op == BT_OP_LOAD_FAST && depth[i] >= 0 &&
            !(in->arg < 64 && (seen[i] & SEEN) && (bound[i] >> in->arg) & 1))
            in->op = BT_OP_LOAD_FAST_CHECK;
    }
    free(bound);
    free(work);
    free(seen);
    return true;
}

/* The superinstruction that does ins[i] then ins[i+1], with its argument in
 * *arg, or -1 when the pair has none or an argument does not fit. */
static int fused_op(const Ins *a, const Ins *b, uint32_t ninstrs, uint32_t *arg) {
    const uint32_t pair_max = 1u << BT_ARG_PAIR_BITS;
    if (a->op == BT_OP_LOAD_FAST && a->arg < pair_max && b->arg < pair_max) {
        *arg = a->arg << BT_ARG_PAIR_BITS | b->arg;
        if (b->op == BT_OP_LOAD_FAST)
            return BT_OP_LOAD_FAST_LOAD_FAST;
        if (b->op == BT_OP_LOAD_CONST)
            return BT_OP_LOAD_FAST_LOAD_CONST;
    }
    if (a->op == BT_OP_BINARY_OP && b->op == BT_OP_STORE_FAST &&
        b->arg < (BT_ARG_MAX >> BT_ARG_BINOP_BITS)) {
        *arg = b->arg << BT_ARG_BINOP_BITS | a->arg;
        return BT_OP_BINARY_OP_STORE_FAST;
    }
    if (a->op == BT_OP_COMPARE_OP && ninstrs <= (BT_ARG_MAX >> BT_ARG_COMPARE_BITS) &&
        (b->op == BT_OP_POP_JUMP_IF_FALSE || b->op == BT_OP_POP_JUMP_IF_TRUE)) {
        *arg = b->arg << BT_ARG_COMPARE_BITS | a->arg;
        return b->op == BT_OP_POP_JUMP_IF_FALSE ? BT_OP_COMPARE_JUMP_IF_FALSE
                                                : BT_OP_COMPARE_JUMP_IF_TRUE;
    }
    return -1;
}

/* Fuse neighbouring pairs into superinstructions (one dispatch instead of
 * two) where nothing can tell: both live, on the same line, under the same
 * handler, and no jump or handler lands on the second. absorbed[i+1] is set
 * for each second half, which then drops out like dead code. */
static void fuse_pairs(Unit *u, uint32_t n, const int *depth, uint8_t *absorbed) {
    uint8_t *target = absorbed; /* first pass: mark landing sites */
    memset(target, 0, n);
    for (uint32_t i = 0; i < n; i++)
        if (depth[i] >= 0 && bt_op_is_jump(u->ins[i].op))
            target[u->ins[i].arg] = 1;
    for (int h = 0; h < u->nhandlers; h++)
        if (u->labels[u->handlers[h].label].pos >= 0)
            target[u->labels[u->handlers[h].label].pos] = 1;
    for (uint32_t i = 0; i + 1 < n; i++) {
        Ins *a = &u->ins[i], *b = &u->ins[i + 1];
        uint32_t arg;
        int op;
        if (depth[i] < 0 || depth[i + 1] < 0 || target[i + 1] || a->line != b->line ||
            a->handler != b->handler || (op = fused_op(a, b, n, &arg)) < 0)
            continue;
        a->op = (uint8_t)op;
        a->arg = arg;
        target[i + 1] = 2; /* absorbed: no longer a landing site to keep */
        i++;
    }
    for (uint32_t i = 0; i < n; i++)
        absorbed[i] = target[i] == 2;
}

static BtTuple *names_tuple(Compiler *c, const char **names, int n) {
    BtTuple *tup = bt_tuple_new(c->t, (size_t)n);
    if (!tup) {
        fail_raised(c);
        return NULL;
    }
    if (!keep(c, bt_obj(tup)))
        return NULL;
    for (int i = 0; i < n; i++) {
        BtStr *s = intern(c, names[i]);
        if (!s)
            return NULL;
        tup->items[i] = bt_obj(s);
    }
    return tup;
}

/* Close the current unit and make its code object (kept alive by c->keep). */
static BtCode *assemble(Compiler *c) {
    Unit *u = c->u;
    BtThread *t = c->t;
    BtCode *code = NULL;
    uint32_t n = (uint32_t)u->nins;
    BtInstr *instrs = malloc((n ? n : 1) * sizeof *instrs);
    int *depth = malloc((n ? n : 1) * sizeof *depth);
    uint32_t *newidx = malloc((n + 1) * sizeof *newidx);
    uint8_t *absorbed = malloc(n ? n : 1);
    BtLineRun *lines = malloc((n ? n : 1) * sizeof *lines);
    BtHandler *handlers = malloc((n ? n : 1) * sizeof *handlers);
    uint32_t nlines = 0, nhandlers = 0, m = 0;
    if (!instrs || !depth || !newidx || !absorbed || !lines || !handlers) {
        fail_memory(c);
        goto fail;
    }
    /* Resolve labels; the JUMP pseudo-op takes its direction. */
    for (uint32_t i = 0; i < n; i++) {
        Ins *in = &u->ins[i];
        if (!is_jump_op(in->op))
            continue;
        int target = u->labels[in->arg].pos;
        if (target < 0 || (uint32_t)target >= n) {
            c->internal = true;
            target = 0;
        }
        in->arg = (uint32_t)target;
        if (in->op == OP_JUMP)
            in->op = in->arg > i ? BT_OP_JUMP_FORWARD : BT_OP_JUMP_BACKWARD;
        /* Only JUMP_BACKWARD and the conditional POP_JUMP_IF_* may go back
         * (a while loop's test at the bottom): they check the eval breaker. */
        if (in->arg <= i ? !bt_op_may_jump_back(in->op) : in->op == BT_OP_JUMP_BACKWARD)
            c->internal = true;
    }
    int stacksize = flow_depth(u->ins, n, u->handlers, u->labels, depth);
    if (stacksize == -2) {
        fail_memory(c);
        goto fail;
    }
    if (stacksize < 0 || c->internal) {
        if (!bt_has_exc(t))
            bt_raise(t, BT_EXC(t, SystemError), "compiler produced inconsistent code for '%S'",
                     u->qualname);
        fail_raised(c);
        goto fail;
    }
    if (!mark_unbound_loads(u, n, depth)) {
        fail_memory(c);
        goto fail;
    }
    fuse_pairs(u, n, depth, absorbed);
    /* Drop dead code (what follows a return or raise, handlers of empty
     * ranges) and the second halves of superinstructions. */
    for (uint32_t i = 0; i < n; i++) {
        newidx[i] = m;
        if (depth[i] >= 0 && !absorbed[i])
            m++;
    }
    newidx[n] = m;
    for (uint32_t i = 0; i < n; i++) {
        if (depth[i] < 0 || absorbed[i])
            continue;
        Ins *in = &u->ins[i];
        uint32_t k = newidx[i];
        uint32_t arg = in->arg;
        if (in->op == BT_OP_COMPARE_JUMP_IF_FALSE || in->op == BT_OP_COMPARE_JUMP_IF_TRUE)
            arg = newidx[arg >> BT_ARG_COMPARE_BITS] << BT_ARG_COMPARE_BITS |
                  (arg & ((1u << BT_ARG_COMPARE_BITS) - 1));
        else if (bt_op_is_jump(in->op))
            arg = newidx[arg];
        instrs[k] = BT_INSTR(in->op, arg);
        if (nlines == 0 || lines[nlines - 1].line != in->line)
            lines[nlines++] = (BtLineRun){.start = k, .line = in->line};
        if (in->handler >= 0) {
            Handler *h = &u->handlers[in->handler];
            uint32_t target = newidx[u->labels[h->label].pos];
            if (nhandlers > 0 && handlers[nhandlers - 1].end == k &&
                handlers[nhandlers - 1].target == target &&
                handlers[nhandlers - 1].depth == (uint32_t)h->depth) {
                handlers[nhandlers - 1].end = k + 1;
            } else {
                handlers[nhandlers++] = (BtHandler){.start = k, .end = k + 1, .target = target,
                                                    .depth = (uint32_t)h->depth};
            }
        }
    }
    n = m;

    code = bt_code_new(t);
    if (!code) {
        fail_raised(c);
        goto fail;
    }
    if (!keep(c, bt_obj(code))) {
        code = NULL;
        goto fail;
    }
    code->name = u->name;
    code->qualname = u->qualname;
    code->filename = c->filename;
    code->firstlineno = u->firstlineno;
    code->argcount = u->scope->argcount;
    code->posonlyargcount = u->scope->posonlyargcount;
    code->kwonlyargcount = u->scope->kwonlyargcount;
    code->nlocals = u->nlocals;
    code->ncells = u->ncells;
    code->nfrees = u->nfrees;
    code->stacksize = stacksize;
    code->flags = u->flags;
    BtTuple *consts = bt_tuple_new(t, (size_t)u->nconsts);
    if (!consts) {
        fail_raised(c);
        code = NULL;
        goto fail;
    }
    for (int i = 0; i < u->nconsts; i++)
        consts->items[i] = u->consts[i];
    code->consts = consts;
    BtTuple *names = bt_tuple_new(t, (size_t)u->nnames);
    if (!names) {
        fail_raised(c);
        code = NULL;
        goto fail;
    }
    for (int i = 0; i < u->nnames; i++)
        names->items[i] = bt_obj(u->names[i]);
    code->names = names;
    if (!(code->varnames = names_tuple(c, u->varnames, u->nlocals)) ||
        !(code->cellvars = names_tuple(c, u->cellvars, u->ncells)) ||
        !(code->freevars = names_tuple(c, u->freevars, u->nfrees))) {
        code = NULL;
        goto fail;
    }
    code->instrs = instrs;
    code->ninstrs = n;
    code->lines = lines;
    code->nlines = nlines;
    code->handlers = handlers;
    code->nhandlers = nhandlers;
    bt_gc_account(t, (ptrdiff_t)(n * sizeof *instrs + nlines * sizeof *lines +
                                 nhandlers * sizeof *handlers));
    free(depth);
    free(newidx);
    free(absorbed);
    c->u = u->prev;
    unit_free(u);
    return code;
fail:
    free(instrs);
    free(depth);
    free(newidx);
    free(absorbed);
    free(lines);
    free(handlers);
    return NULL;
}

/* Leave the current unit after a failure. */
static void abandon_units(Compiler *c) {
    while (c->u) {
        Unit *u = c->u;
        c->u = u->prev;
        unit_free(u);
    }
}

/* ---- expressions ------------------------------------------------------------------------------- */

static bool visit_expr(Compiler *c, const BtAstExpr *e);
static bool visit_stmts(Compiler *c, const BtAstStmtList *l);
static bool compile_store(Compiler *c, const BtAstExpr *e);

static bool constant_value(Compiler *c, const BtAstExpr *e, BtValue *out) {
    const BtAstConstant *k = &e->constant;
    BtThread *t = c->t;
    switch (k->kind) {
    case BT_CONST_NONE:
        *out = BT_NONE;
        return true;
    case BT_CONST_TRUE:
        *out = BT_TRUE;
        return true;
    case BT_CONST_FALSE:
        *out = BT_FALSE;
        return true;
    case BT_CONST_ELLIPSIS:
        *out = bt_obj(t->interp->ellipsis);
        return true;
    case BT_CONST_INT:
        if (k->big) {
            bool syntax_error;
            *out = bt_int_parse(t, k->digits, strlen(k->digits), 0, &syntax_error);
            if (bt_is_undef(*out) && bt_isinstance(t, t->exc, BT_EXC(t, ValueError))) {
                /* Past the digit limit: CPython reports it as a SyntaxError at the literal. */
                BtValue msg = bt_str(t, bt_take_exc(t));
                return compile_error(c, e->line, e->col, e->end_line, e->end_col,
                                     "%s - Consider hexadecimal for huge integer literals to "
                                     "avoid decimal conversion limits.",
                                     bt_is_undef(msg) ? "" : bt_as_str(msg)->data);
            }
            return bt_is_undef(*out) ? fail_raised(c) : keep(c, *out);
        }
        if (bt_int_fits(k->i)) {
            *out = bt_int(k->i);
            return true;
        }
        *out = bt_int_from_i64(t, k->i);
        return bt_is_undef(*out) ? fail_raised(c) : keep(c, *out);
    case BT_CONST_FLOAT:
        *out = bt_float(k->f);
        return true;
    case BT_CONST_STR:
        return make_str(c, k->s, k->len, out);
    case BT_CONST_BYTES: {
        BtBytes *b = bt_bytes_new(t, (const uint8_t *)k->s, k->len);
        if (!b)
            return fail_raised(c);
        *out = bt_obj(b);
        return keep(c, *out);
    }
    }
    return true;
}

/* Is e a literal whose value can be folded into a constant? */
static bool is_const_expr(const BtAstExpr *e) {
    if (e->kind == BT_EXPR_CONSTANT)
        return !(e->constant.kind == BT_CONST_INT && e->constant.big);
    if (e->kind == BT_EXPR_UNARY_OP && e->unary_op.op == BT_UNARY_USUB &&
        e->unary_op.operand->kind == BT_EXPR_CONSTANT)
        return e->unary_op.operand->constant.kind == BT_CONST_INT
                   ? !e->unary_op.operand->constant.big
                   : e->unary_op.operand->constant.kind == BT_CONST_FLOAT;
    if (e->kind == BT_EXPR_TUPLE && e->tuple.ctx == BT_CTX_LOAD) {
        for (int i = 0; i < e->tuple.elts.count; i++)
            if (!is_const_expr(e->tuple.elts.items[i]))
                return false;
        return true;
    }
    return false;
}

/* The value of an expression accepted by is_const_expr. */
static bool fold_const(Compiler *c, const BtAstExpr *e, BtValue *out) {
    if (e->kind == BT_EXPR_CONSTANT)
        return constant_value(c, e, out);
    if (e->kind == BT_EXPR_UNARY_OP) {
        const BtAstConstant *k = &e->unary_op.operand->constant;
        if (k->kind == BT_CONST_INT && k->big) {
            BtValue v;
            if (!constant_value(c, e->unary_op.operand, &v))
                return false;
            *out = bt_bigint_unary(c->t, '-', v);
            return bt_is_undef(*out) ? fail_raised(c) : keep(c, *out);
        }
        if (k->kind == BT_CONST_FLOAT || bt_int_fits(-k->i)) {
            *out = k->kind == BT_CONST_INT ? bt_int(-k->i) : bt_float(-k->f);
            return true;
        }
        *out = bt_int_from_i64(c->t, -k->i);
        return bt_is_undef(*out) ? fail_raised(c) : keep(c, *out);
    }
    int n = e->tuple.elts.count;
    BtTuple *tup = bt_tuple_new(c->t, (size_t)n);
    if (!tup)
        return fail_raised(c);
    BtValue tv = bt_obj(tup);
    if (!keep(c, tv))
        return false;
    for (int i = 0; i < n; i++) {
        BtValue v;
        if (!fold_const(c, e->tuple.elts.items[i], &v))
            return false;
        tup->items[i] = v;
    }
    *out = tv;
    return true;
}

static bool load_folded(Compiler *c, const BtAstExpr *e) {
    BtValue v;
    if (!fold_const(c, e, &v))
        return false;
    return load_const(c, v);
}

static bool has_starred(const BtAstExprList *l) {
    for (int i = 0; i < l->count; i++)
        if (l->items[i]->kind == BT_EXPR_STARRED)
            return true;
    return false;
}

typedef enum { SEQ_LIST, SEQ_TUPLE, SEQ_SET } SeqKind;

/* Build a list, tuple or set from elts (some maybe starred), after `pushed`
 * values already on the stack that belong at its front (3.11's starunpack_helper). */
static bool build_sequence(Compiler *c, const BtAstExprList *elts, int pushed, SeqKind kind) {
    int n = elts->count;
    bool starred = has_starred(elts);
    if (!starred && pushed == 0 && kind == SEQ_TUPLE && n > 0) {
        bool all_const = true;
        for (int i = 0; i < n && all_const; i++)
            all_const = is_const_expr(elts->items[i]);
        if (all_const) {
            BtAstExpr fake = {.kind = BT_EXPR_TUPLE};
            fake.tuple.elts = *elts;
            fake.tuple.ctx = BT_CTX_LOAD;
            return load_folded(c, &fake);
        }
    }
    if (!starred && pushed == 0 && kind == SEQ_LIST && n > 2) {
        bool all_const = true;
        for (int i = 0; i < n && all_const; i++)
            all_const = is_const_expr(elts->items[i]);
        if (all_const) {
            BtAstExpr fake = {.kind = BT_EXPR_TUPLE};
            fake.tuple.elts = *elts;
            fake.tuple.ctx = BT_CTX_LOAD;
            EMIT(c, BUILD_LIST, 0);
            if (!load_folded(c, &fake))
                return false;
            EMIT(c, LIST_EXTEND, 1);
            return true;
        }
    }
    bool big = pushed + n > 30;
    if (!starred && !big) {
        for (int i = 0; i < n; i++)
            if (!visit_expr(c, elts->items[i]))
                return false;
        int total = pushed + n;
        if (kind == SEQ_LIST)
            EMIT(c, BUILD_LIST, total);
        else if (kind == SEQ_SET)
            EMIT(c, BUILD_SET, total);
        else
            EMIT(c, BUILD_TUPLE, total);
        return true;
    }
    bool built = false;
    int seen = pushed;
    if (big && !starred) {
        if (kind == SEQ_SET)
            EMIT(c, BUILD_SET, seen);
        else
            EMIT(c, BUILD_LIST, seen);
        built = true;
    }
    for (int i = 0; i < n; i++) {
        const BtAstExpr *elt = elts->items[i];
        if (elt->kind == BT_EXPR_STARRED) {
            if (!built) {
                if (kind == SEQ_SET)
                    EMIT(c, BUILD_SET, seen);
                else
                    EMIT(c, BUILD_LIST, seen);
                built = true;
            }
            if (!visit_expr(c, elt->starred.value))
                return false;
            if (kind == SEQ_SET)
                EMIT(c, SET_UPDATE, 1);
            else
                EMIT(c, LIST_EXTEND, 1);
        } else {
            if (!visit_expr(c, elt))
                return false;
            if (built) {
                if (kind == SEQ_SET)
                    EMIT(c, SET_ADD, 1);
                else
                    EMIT(c, LIST_APPEND, 1);
            } else {
                seen++;
            }
        }
    }
    if (!built) {
        if (kind == SEQ_SET)
            EMIT(c, BUILD_SET, seen);
        else
            EMIT(c, BUILD_LIST, seen);
    }
    if (kind == SEQ_TUPLE)
        EMIT0(c, LIST_TO_TUPLE);
    return true;
}

static bool compile_dict(Compiler *c, const BtAstExpr *e) {
    int n = e->dict.keys.count;
    bool have = false;
    int pending = 0;
    for (int i = 0; i < n; i++) {
        const BtAstExpr *k = e->dict.keys.items[i];
        const BtAstExpr *v = e->dict.values.items[i];
        if (!k) {
            if (pending || !have) {
                EMIT(c, BUILD_MAP, pending);
                if (have)
                    EMIT(c, DICT_UPDATE, 1);
                have = true;
                pending = 0;
            }
            if (!visit_expr(c, v))
                return false;
            EMIT(c, DICT_UPDATE, 1);
            continue;
        }
        if (!visit_expr(c, k) || !visit_expr(c, v))
            return false;
        if (++pending == 16 && n > 16) {
            EMIT(c, BUILD_MAP, pending);
            if (have)
                EMIT(c, DICT_UPDATE, 1);
            have = true;
            pending = 0;
        }
    }
    if (pending || !have) {
        EMIT(c, BUILD_MAP, pending);
        if (have)
            EMIT(c, DICT_UPDATE, 1);
    }
    return true;
}

static BtBinOp binop_of(BtAstOperator op) {
    switch (op) {
    case BT_OP_ADD:
        return BT_BINOP_ADD;
    case BT_OP_SUB:
        return BT_BINOP_SUB;
    case BT_OP_MULT:
        return BT_BINOP_MUL;
    case BT_OP_MAT_MULT:
        return BT_BINOP_MATMUL;
    case BT_OP_DIV:
        return BT_BINOP_TRUEDIV;
    case BT_OP_MOD:
        return BT_BINOP_MOD;
    case BT_OP_POW:
        return BT_BINOP_POW;
    case BT_OP_LSHIFT:
        return BT_BINOP_LSHIFT;
    case BT_OP_RSHIFT:
        return BT_BINOP_RSHIFT;
    case BT_OP_BIT_OR:
        return BT_BINOP_OR;
    case BT_OP_BIT_XOR:
        return BT_BINOP_XOR;
    case BT_OP_BIT_AND:
        return BT_BINOP_AND;
    case BT_OP_FLOOR_DIV:
    case BT_OP__COUNT:
        break;
    }
    return BT_BINOP_FLOORDIV;
}

static bool compile_cmpop(Compiler *c, BtAstCmpOp op) {
    switch (op) {
    case BT_CMP_EQ:
        EMIT(c, COMPARE_OP, BT_COMPARE_EQ);
        break;
    case BT_CMP_NOT_EQ:
        EMIT(c, COMPARE_OP, BT_COMPARE_NE);
        break;
    case BT_CMP_LT:
        EMIT(c, COMPARE_OP, BT_COMPARE_LT);
        break;
    case BT_CMP_LT_E:
        EMIT(c, COMPARE_OP, BT_COMPARE_LE);
        break;
    case BT_CMP_GT:
        EMIT(c, COMPARE_OP, BT_COMPARE_GT);
        break;
    case BT_CMP_GT_E:
        EMIT(c, COMPARE_OP, BT_COMPARE_GE);
        break;
    case BT_CMP_IS:
        EMIT(c, IS_OP, 0);
        break;
    case BT_CMP_IS_NOT:
        EMIT(c, IS_OP, 1);
        break;
    case BT_CMP_IN:
        EMIT(c, CONTAINS_OP, 0);
        break;
    case BT_CMP_NOT_IN:
    case BT_CMP__COUNT:
        EMIT(c, CONTAINS_OP, 1);
        break;
    }
    return true;
}

static bool compile_compare(Compiler *c, const BtAstExpr *e) {
    int n = e->compare.count;
    if (!visit_expr(c, e->compare.left))
        return false;
    if (n == 1) {
        if (!visit_expr(c, e->compare.comparators[0]))
            return false;
        return compile_cmpop(c, e->compare.ops[0]);
    }
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    for (int i = 0; i < n - 1; i++) {
        if (!visit_expr(c, e->compare.comparators[i]))
            return false;
        EMIT(c, SWAP, 2);
        EMIT(c, COPY, 2);
        if (!compile_cmpop(c, e->compare.ops[i]))
            return false;
        JUMP(c, JUMP_IF_FALSE_OR_POP, cleanup);
    }
    if (!visit_expr(c, e->compare.comparators[n - 1]) ||
        !compile_cmpop(c, e->compare.ops[n - 1]))
        return false;
    JUMP_TO(c, end);
    bind_label(c, cleanup);
    EMIT(c, SWAP, 2);
    EMIT0(c, POP_TOP);
    bind_label(c, end);
    return true;
}

static bool is_const_kind(const BtAstExpr *e, BtAstConstKind kind) {
    return e->kind == BT_EXPR_CONSTANT && e->constant.kind == kind;
}

/* Is e a constant whose truth is known? *truth receives it. */
static bool const_truth(const BtAstExpr *e, bool *truth) {
    if (e->kind != BT_EXPR_CONSTANT)
        return false;
    const BtAstConstant *k = &e->constant;
    switch (k->kind) {
    case BT_CONST_NONE:
    case BT_CONST_FALSE:
        *truth = false;
        return true;
    case BT_CONST_TRUE:
    case BT_CONST_ELLIPSIS:
        *truth = true;
        return true;
    case BT_CONST_INT:
        *truth = k->big || k->i != 0;
        return true;
    case BT_CONST_FLOAT:
        *truth = k->f != 0.0;
        return true;
    case BT_CONST_STR:
    case BT_CONST_BYTES:
        *truth = k->len != 0;
        return true;
    }
    return false;
}

/* Evaluate e as a condition and jump to label when its truth equals cond. */
static bool compile_jump_if(Compiler *c, const BtAstExpr *e, int label, bool cond) {
    if (!bt_c_stack_ok(c->t, " during compilation"))
        return fail_raised(c);
    int save = c->u->lineno;
    c->u->lineno = e->line;
    bool ok = true;
    switch (e->kind) {
    case BT_EXPR_UNARY_OP:
        if (e->unary_op.op == BT_UNARY_NOT) {
            ok = compile_jump_if(c, e->unary_op.operand, label, !cond);
            goto done;
        }
        break;
    case BT_EXPR_BOOL_OP: {
        const BtAstExprList *vals = &e->bool_op.values;
        bool is_or = e->bool_op.op == BT_BOOL_OR;
        int next = label;
        if (cond != is_or) {
            next = new_label(c);
            if (next < 0)
                return false;
        }
        for (int i = 0; i < vals->count - 1 && ok; i++)
            ok = compile_jump_if(c, vals->items[i], next, is_or);
        if (ok)
            ok = compile_jump_if(c, vals->items[vals->count - 1], label, cond);
        if (ok && next != label)
            bind_label(c, next);
        goto done;
    }
    case BT_EXPR_COMPARE:
        if (e->compare.count == 1 &&
            (e->compare.ops[0] == BT_CMP_IS || e->compare.ops[0] == BT_CMP_IS_NOT) &&
            is_const_kind(e->compare.comparators[0], BT_CONST_NONE)) {
            bool is_none = (e->compare.ops[0] == BT_CMP_IS) == cond;
            ok = visit_expr(c, e->compare.left) &&
                 emit_jump(c, is_none ? BT_OP_POP_JUMP_IF_NONE : BT_OP_POP_JUMP_IF_NOT_NONE,
                           label);
            goto done;
        }
        break;
    default:
        break;
    }
    bool truth;
    if (const_truth(e, &truth)) {
        if (truth == cond)
            ok = emit_jump(c, OP_JUMP, label);
        goto done;
    }
    ok = visit_expr(c, e) &&
         emit_jump(c, cond ? BT_OP_POP_JUMP_IF_TRUE : BT_OP_POP_JUMP_IF_FALSE, label);
done:
    c->u->lineno = save;
    return ok;
}

static bool compile_boolop(Compiler *c, const BtAstExpr *e) {
    const BtAstExprList *vals = &e->bool_op.values;
    NEW_LABEL(c, end);
    int op = e->bool_op.op == BT_BOOL_AND ? BT_OP_JUMP_IF_FALSE_OR_POP : BT_OP_JUMP_IF_TRUE_OR_POP;
    for (int i = 0; i < vals->count - 1; i++) {
        if (!visit_expr(c, vals->items[i]) || !emit_jump(c, op, end))
            return false;
    }
    if (!visit_expr(c, vals->items[vals->count - 1]))
        return false;
    bind_label(c, end);
    return true;
}

static bool has_dstar(const BtAstKeywordList *kws) {
    for (int i = 0; i < kws->count; i++)
        if (!kws->items[i]->arg)
            return true;
    return false;
}

/* Push the keyword arguments as one dict (for CALL_FUNCTION_EX). */
static bool compile_kwargs_dict(Compiler *c, const BtAstKeywordList *kws) {
    bool have = false;
    int pending = 0;
    for (int i = 0; i < kws->count; i++) {
        const BtAstKeyword *kw = kws->items[i];
        if (!kw->arg) {
            if (pending) {
                EMIT(c, BUILD_MAP, pending);
                if (have)
                    EMIT(c, DICT_MERGE, 1);
                have = true;
                pending = 0;
            }
            if (!have) {
                EMIT(c, BUILD_MAP, 0);
                have = true;
            }
            if (!visit_expr(c, kw->value))
                return false;
            EMIT(c, DICT_MERGE, 1);
            continue;
        }
        BtValue key;
        if (!make_str(c, kw->arg, strlen(kw->arg), &key) || !load_const(c, key) ||
            !visit_expr(c, kw->value))
            return false;
        pending++;
    }
    if (pending) {
        EMIT(c, BUILD_MAP, pending);
        if (have)
            EMIT(c, DICT_MERGE, 1);
    }
    return true;
}

/* The arguments and the CALL, after the callable (and `pushed` leading arguments). */
static bool call_helper(Compiler *c, int pushed, const BtAstExprList *args,
                        const BtAstKeywordList *kws) {
    int nargs = args->count, nkw = kws->count;
    for (int i = 1; i < nkw; i++) {
        const BtAstKeyword *kw = kws->items[i];
        for (int j = 0; kw->arg && j < i; j++)
            if (kws->items[j]->arg && strcmp(kws->items[j]->arg, kw->arg) == 0)
                return ERROR_AT_S(c, kw, "keyword argument repeated: %s", kw->arg);
    }
    if (!has_starred(args) && !has_dstar(kws)) {
        for (int i = 0; i < nargs; i++)
            if (!visit_expr(c, args->items[i]))
                return false;
        if (nkw > 0) {
            const char **names = malloc((size_t)nkw * sizeof *names);
            if (!names)
                return fail_memory(c);
            for (int i = 0; i < nkw; i++) {
                names[i] = kws->items[i]->arg;
                if (!visit_expr(c, kws->items[i]->value)) {
                    free(names);
                    return false;
                }
            }
            int k = add_name_tuple(c, names, nkw);
            free(names);
            if (k < 0)
                return false;
            EMIT(c, KW_NAMES, k);
        }
        EMIT(c, CALL, pushed + nargs + nkw);
        return true;
    }
    if (pushed == 0 && nargs == 1 && args->items[0]->kind == BT_EXPR_STARRED) {
        if (!visit_expr(c, args->items[0]->starred.value))
            return false;
    } else if (!has_starred(args)) {
        for (int i = 0; i < nargs; i++)
            if (!visit_expr(c, args->items[i]))
                return false;
        EMIT(c, BUILD_TUPLE, pushed + nargs);
    } else if (!build_sequence(c, args, pushed, SEQ_TUPLE)) {
        return false;
    }
    if (nkw > 0 && !compile_kwargs_dict(c, kws))
        return false;
    EMIT(c, CALL_FUNCTION_EX, nkw > 0 ? 1 : 0);
    return true;
}

static bool compile_call(Compiler *c, const BtAstExpr *e) {
    const BtAstExpr *f = e->call.func;
    const BtAstExprList *args = &e->call.args;
    const BtAstKeywordList *kws = &e->call.keywords;
    if (f->kind == BT_EXPR_ATTRIBUTE && f->attribute.ctx == BT_CTX_LOAD && !has_starred(args) &&
        !has_dstar(kws)) {
        if (!visit_expr(c, f->attribute.value))
            return false;
        int save = c->u->lineno;
        if (f->line != f->end_line)
            c->u->lineno = f->end_line;
        const char *attr = mangle(c, f->attribute.attr);
        if (!attr || !emit_name(c, BT_OP_LOAD_METHOD, attr))
            return false;
        c->u->lineno = save;
        if (!call_helper(c, 0, args, kws))
            return false;
        return true;
    }
    bool done = false;
    if (f->kind == BT_EXPR_NAME && is_function_unit(c->u)) {
        const char *name = mangle(c, f->name.id);
        if (!name)
            return false;
        BtSymScope s = bt_scope_resolve(c->u->scope, name);
        if (s == BT_SYM_GLOBAL_IMPLICIT || s == BT_SYM_GLOBAL_EXPLICIT) {
            int ni = add_name(c, name);
            if (ni < 0)
                return false;
            int save = c->u->lineno;
            c->u->lineno = f->line;
            EMIT(c, LOAD_GLOBAL, ((uint32_t)ni << 1) | 1);
            c->u->lineno = save;
            done = true;
        }
    }
    if (!done) {
        EMIT0(c, PUSH_NULL);
        if (!visit_expr(c, f))
            return false;
    }
    return call_helper(c, 0, args, kws);
}

/* Defaults and kw-defaults of a def or lambda; returns the MAKE_FUNCTION flags via *flags. */
static bool compile_defaults(Compiler *c, const BtAstArguments *a, uint32_t *flags) {
    *flags = 0;
    if (a->defaults.count > 0) {
        BtAstExpr fake = {.kind = BT_EXPR_TUPLE};
        fake.tuple.elts = a->defaults;
        fake.tuple.ctx = BT_CTX_LOAD;
        if (is_const_expr(&fake)) {
            if (!load_folded(c, &fake))
                return false;
        } else {
            for (int i = 0; i < a->defaults.count; i++)
                if (!visit_expr(c, a->defaults.items[i]))
                    return false;
            EMIT(c, BUILD_TUPLE, a->defaults.count);
        }
        *flags |= BT_MF_DEFAULTS;
    }
    int nkw = 0;
    for (int i = 0; i < a->kwonlyargs.count; i++) {
        const BtAstExpr *d = i < a->kw_defaults.count ? a->kw_defaults.items[i] : NULL;
        if (!d)
            continue;
        const char *name = mangle(c, a->kwonlyargs.items[i]->arg);
        BtValue key;
        if (!name || !make_str(c, name, strlen(name), &key) || !load_const(c, key) ||
            !visit_expr(c, d))
            return false;
        nkw++;
    }
    if (nkw > 0) {
        EMIT(c, BUILD_MAP, nkw);
        *flags |= BT_MF_KWDEFAULTS;
    }
    return true;
}

/* After a child unit is assembled: push its closure (if any), the code, MAKE_FUNCTION. */
static bool make_closure(Compiler *c, BtCode *code, const char **freevars, int nfrees,
                         uint32_t flags) {
    if (nfrees > 0) {
        for (int i = 0; i < nfrees; i++)
            if (!load_closure(c, freevars[i]))
                return false;
        EMIT(c, BUILD_TUPLE, nfrees);
        flags |= BT_MF_CLOSURE;
    }
    LOAD_CONST(c, bt_obj(code));
    EMIT(c, MAKE_FUNCTION, flags);
    return true;
}

/* Finish the current (child) unit and emit MAKE_FUNCTION for it in the parent. */
static bool finish_child(Compiler *c, uint32_t flags) {
    Unit *child = c->u;
    int nfrees = child->nfrees;
    const char **frees = NULL;
    if (nfrees > 0) {
        frees = malloc((size_t)nfrees * sizeof *frees);
        if (!frees)
            return fail_memory(c);
        memcpy(frees, child->freevars, (size_t)nfrees * sizeof *frees);
    }
    BtCode *code = assemble(c);
    bool ok = code && make_closure(c, code, frees, nfrees, flags);
    free(frees);
    return ok;
}

static bool compile_lambda(Compiler *c, const BtAstExpr *e) {
    uint32_t flags;
    if (!compile_defaults(c, e->lambda.args, &flags))
        return false;
    if (!enter_unit(c, bt_symtable_lookup(c->st, e), "<lambda>", e->line))
        return false;
    /* None first in co_consts: a lambda has no docstring. */
    if (add_const(c, BT_NONE) < 0)
        return false;
    c->u->lineno = e->lambda.body->line;
    if (!visit_expr(c, e->lambda.body))
        return false;
    EMIT0(c, RETURN_VALUE);
    return finish_child(c, flags);
}

static bool compile_send_loop(Compiler *c, int resume_arg);
static bool compile_await_top(Compiler *c, int where);

/* One `for ... in ... if ...` level of a comprehension; depth counts the iterators below. */
static bool comprehension_level(Compiler *c, const BtAstExpr *e, const BtAstComprehensionList *gens,
                                int index, int depth, const BtAstExpr *elt,
                                const BtAstExpr *value, BtScopeKind kind) {
    const BtAstComprehension *g = gens->items[index];
    if (index == 0) {
        EMIT(c, LOAD_FAST, 0);
    } else {
        if (!visit_expr(c, g->iter))
            return false;
        if (g->is_async)
            EMIT0(c, GET_AITER);
        else
            EMIT0(c, GET_ITER);
    }
    NEW_LABEL(c, start);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, if_cleanup);
    bind_label(c, start);
    if (g->is_async) {
        /* As async for: await __anext__(); END_ASYNC_FOR (at anchor) ends the level. */
        SETUP(c, h, anchor, c->u->depth);
        EMIT0(c, GET_ANEXT);
        if (!compile_send_loop(c, 3))
            return false;
        pop_block(c, h);
    } else {
        JUMP(c, FOR_ITER, anchor);
    }
    if (!compile_store(c, g->target))
        return false;
    for (int i = 0; i < g->ifs.count; i++)
        if (!compile_jump_if(c, g->ifs.items[i], if_cleanup, false))
            return false;
    depth++;
    if (index + 1 < gens->count) {
        if (!comprehension_level(c, e, gens, index + 1, depth, elt, value, kind))
            return false;
    } else {
        switch (kind) {
        case BT_SCOPE_GENEXPR:
            if (!visit_expr(c, elt))
                return false;
            EMIT0(c, YIELD_VALUE);
            EMIT(c, RESUME, 1);
            EMIT0(c, POP_TOP);
            break;
        case BT_SCOPE_LISTCOMP:
            if (!visit_expr(c, elt))
                return false;
            EMIT(c, LIST_APPEND, depth + 1);
            break;
        case BT_SCOPE_SETCOMP:
            if (!visit_expr(c, elt))
                return false;
            EMIT(c, SET_ADD, depth + 1);
            break;
        default:
            if (!visit_expr(c, elt) || !visit_expr(c, value))
                return false;
            EMIT(c, MAP_ADD, depth + 1);
            break;
        }
    }
    bind_label(c, if_cleanup);
    c->u->lineno = e->line;
    JUMP_TO(c, start);
    bind_label(c, anchor);
    if (g->is_async)
        EMIT0(c, END_ASYNC_FOR);
    return true;
}

static bool compile_comprehension(Compiler *c, const BtAstExpr *e, BtScopeKind kind,
                                  const BtAstComprehensionList *gens, const BtAstExpr *elt,
                                  const BtAstExpr *value) {
    const char *name = kind == BT_SCOPE_LISTCOMP  ? "<listcomp>"
                       : kind == BT_SCOPE_SETCOMP ? "<setcomp>"
                       : kind == BT_SCOPE_DICTCOMP ? "<dictcomp>"
                                                   : "<genexpr>";
    if (!enter_unit(c, bt_symtable_lookup(c->st, e), name, e->line))
        return false;
    c->u->lineno = e->line;
    if (kind == BT_SCOPE_LISTCOMP)
        EMIT(c, BUILD_LIST, 0);
    else if (kind == BT_SCOPE_SETCOMP)
        EMIT(c, BUILD_SET, 0);
    else if (kind == BT_SCOPE_DICTCOMP)
        EMIT(c, BUILD_MAP, 0);
    if (!comprehension_level(c, e, gens, 0, 0, elt, value, kind))
        return false;
    c->u->lineno = e->line;
    if (kind == BT_SCOPE_GENEXPR)
        LOAD_CONST(c, BT_NONE);
    EMIT0(c, RETURN_VALUE);
    bool awaited = c->u->scope->coroutine && kind != BT_SCOPE_GENEXPR;
    if (!finish_child(c, 0))
        return false;
    if (!visit_expr(c, gens->items[0]->iter))
        return false;
    if (gens->items[0]->is_async)
        EMIT0(c, GET_AITER);
    else
        EMIT0(c, GET_ITER);
    EMIT(c, CALL, 0);
    /* An asynchronous list, set or dict comprehension is a coroutine: await it. */
    return !awaited || compile_await_top(c, 0);
}

static bool compile_joined_str(Compiler *c, const BtAstExpr *e) {
    const BtAstExprList *vals = &e->joined_str.values;
    if (vals->count == 0) {
        BtValue empty;
        if (!make_str(c, "", 0, &empty))
            return false;
        LOAD_CONST(c, empty);
        return true;
    }
    for (int i = 0; i < vals->count; i++)
        if (!visit_expr(c, vals->items[i]))
            return false;
    if (vals->count > 1)
        EMIT(c, BUILD_STRING, vals->count);
    return true;
}

static bool compile_formatted_value(Compiler *c, const BtAstExpr *e) {
    if (!visit_expr(c, e->formatted_value.value))
        return false;
    uint32_t flags = BT_FMT_NONE;
    switch (e->formatted_value.conversion) {
    case 's':
        flags = BT_FMT_STR;
        break;
    case 'r':
        flags = BT_FMT_REPR;
        break;
    case 'a':
        flags = BT_FMT_ASCII;
        break;
    default:
        break;
    }
    if (e->formatted_value.format_spec) {
        if (!visit_expr(c, e->formatted_value.format_spec))
            return false;
        flags |= BT_FMT_SPEC;
    }
    EMIT(c, FORMAT_VALUE, flags);
    return true;
}

static bool compile_slice(Compiler *c, const BtAstExpr *e) {
    if (e->slice.lower) {
        if (!visit_expr(c, e->slice.lower))
            return false;
    } else {
        LOAD_CONST(c, BT_NONE);
    }
    if (e->slice.upper) {
        if (!visit_expr(c, e->slice.upper))
            return false;
    } else {
        LOAD_CONST(c, BT_NONE);
    }
    if (e->slice.step) {
        if (!visit_expr(c, e->slice.step))
            return false;
        EMIT(c, BUILD_SLICE, 3);
    } else {
        EMIT(c, BUILD_SLICE, 2);
    }
    return true;
}

static bool in_function(Compiler *c) {
    return is_function_unit(c->u);
}

/* The loop of `yield from` and `await` over the iterator at TOS: send None,
 * then whatever the frame is resumed with, until the iterator returns; its
 * return value is left at TOS. resume_arg is RESUME's 2 (yield from) or 3
 * (await), as in CPython 3.11. */
static bool compile_send_loop(Compiler *c, int resume_arg) {
    LOAD_CONST(c, BT_NONE);
    NEW_LABEL(c, send);
    NEW_LABEL(c, exit);
    bind_label(c, send);
    JUMP(c, SEND, exit);
    EMIT0(c, YIELD_VALUE);
    EMIT(c, RESUME, resume_arg);
    JUMP_TO(c, send);
    bind_label(c, exit);
    return true;
}

/* `await` of what __aenter__ (where 1) or __aexit__ (where 2) returned. */
static bool compile_await_top(Compiler *c, int where) {
    EMIT(c, GET_AWAITABLE, where);
    return compile_send_loop(c, 3);
}

static bool visit_expr_inner(Compiler *c, const BtAstExpr *e) {
    switch (e->kind) {
    case BT_EXPR_BOOL_OP:
        return compile_boolop(c, e);
    case BT_EXPR_NAMED_EXPR:
        if (!visit_expr(c, e->named_expr.value))
            return false;
        EMIT(c, COPY, 1);
        return compile_store(c, e->named_expr.target);
    case BT_EXPR_BIN_OP:
        if (!visit_expr(c, e->bin_op.left) || !visit_expr(c, e->bin_op.right))
            return false;
        EMIT(c, BINARY_OP, binop_of(e->bin_op.op));
        return true;
    case BT_EXPR_UNARY_OP:
        if (is_const_expr(e))
            return load_folded(c, e);
        if (!visit_expr(c, e->unary_op.operand))
            return false;
        switch (e->unary_op.op) {
        case BT_UNARY_INVERT:
            EMIT0(c, UNARY_INVERT);
            break;
        case BT_UNARY_NOT:
            EMIT0(c, UNARY_NOT);
            break;
        case BT_UNARY_UADD:
            EMIT0(c, UNARY_POSITIVE);
            break;
        default:
            EMIT0(c, UNARY_NEGATIVE);
            break;
        }
        return true;
    case BT_EXPR_LAMBDA:
        return compile_lambda(c, e);
    case BT_EXPR_IF_EXP: {
        NEW_LABEL(c, orelse);
        NEW_LABEL(c, end);
        if (!compile_jump_if(c, e->if_exp.test, orelse, false) || !visit_expr(c, e->if_exp.body))
            return false;
        JUMP_TO(c, end);
        bind_label(c, orelse);
        if (!visit_expr(c, e->if_exp.orelse))
            return false;
        bind_label(c, end);
        return true;
    }
    case BT_EXPR_DICT:
        return compile_dict(c, e);
    case BT_EXPR_SET:
        return build_sequence(c, &e->set.elts, 0, SEQ_SET);
    case BT_EXPR_LIST_COMP:
        return compile_comprehension(c, e, BT_SCOPE_LISTCOMP, &e->list_comp.generators,
                                     e->list_comp.elt, NULL);
    case BT_EXPR_SET_COMP:
        return compile_comprehension(c, e, BT_SCOPE_SETCOMP, &e->set_comp.generators,
                                     e->set_comp.elt, NULL);
    case BT_EXPR_DICT_COMP:
        return compile_comprehension(c, e, BT_SCOPE_DICTCOMP, &e->dict_comp.generators,
                                     e->dict_comp.key, e->dict_comp.value);
    case BT_EXPR_GENERATOR_EXP:
        return compile_comprehension(c, e, BT_SCOPE_GENEXPR, &e->generator_exp.generators,
                                     e->generator_exp.elt, NULL);
    case BT_EXPR_YIELD:
        if (!in_function(c))
            return ERROR_AT(c, e, "'yield' outside function");
        if (e->yield.value) {
            if (!visit_expr(c, e->yield.value))
                return false;
        } else {
            LOAD_CONST(c, BT_NONE);
        }
        EMIT0(c, YIELD_VALUE);
        EMIT(c, RESUME, 1);
        return true;
    case BT_EXPR_YIELD_FROM: {
        if (!in_function(c))
            return ERROR_AT(c, e, "'yield' outside function");
        if (!visit_expr(c, e->yield_from.value))
            return false;
        EMIT0(c, GET_YIELD_FROM_ITER);
        return compile_send_loop(c, 2);
    }
    case BT_EXPR_AWAIT:
        if (!visit_expr(c, e->await_.value))
            return false;
        EMIT(c, GET_AWAITABLE, 0);
        return compile_send_loop(c, 3);
    case BT_EXPR_COMPARE:
        return compile_compare(c, e);
    case BT_EXPR_CALL:
        return compile_call(c, e);
    case BT_EXPR_FORMATTED_VALUE:
        return compile_formatted_value(c, e);
    case BT_EXPR_JOINED_STR:
        return compile_joined_str(c, e);
    case BT_EXPR_CONSTANT: {
        BtValue v;
        if (!constant_value(c, e, &v))
            return false;
        LOAD_CONST(c, v);
        return true;
    }
    case BT_EXPR_ATTRIBUTE: {
        if (e->attribute.ctx != BT_CTX_LOAD)
            return compile_store(c, e);
        if (!visit_expr(c, e->attribute.value))
            return false;
        const char *attr = mangle(c, e->attribute.attr);
        if (!attr)
            return false;
        int save = c->u->lineno;
        if (e->line != e->end_line)
            c->u->lineno = e->end_line;
        EMIT_NAME(c, LOAD_ATTR, attr);
        c->u->lineno = save;
        return true;
    }
    case BT_EXPR_SUBSCRIPT:
        if (e->subscript.ctx != BT_CTX_LOAD)
            return compile_store(c, e);
        if (!visit_expr(c, e->subscript.value) || !visit_expr(c, e->subscript.slice))
            return false;
        EMIT0(c, BINARY_SUBSCR);
        return true;
    case BT_EXPR_STARRED:
        if (e->starred.ctx == BT_CTX_STORE)
            return ERROR_AT(c, e, "starred assignment target must be in a list or tuple");
        return ERROR_AT(c, e, "can't use starred expression here");
    case BT_EXPR_NAME:
        return compile_nameop(c, e->name.id, e->name.ctx);
    case BT_EXPR_LIST:
        if (e->list.ctx != BT_CTX_LOAD)
            return compile_store(c, e);
        return build_sequence(c, &e->list.elts, 0, SEQ_LIST);
    case BT_EXPR_TUPLE:
        if (e->tuple.ctx != BT_CTX_LOAD)
            return compile_store(c, e);
        return build_sequence(c, &e->tuple.elts, 0, SEQ_TUPLE);
    case BT_EXPR_SLICE:
        return compile_slice(c, e);
    case BT_EXPR__COUNT:
        break;
    }
    return true;
}

static bool visit_expr(Compiler *c, const BtAstExpr *e) {
    if (!bt_c_stack_ok(c->t, " during compilation"))
        return fail_raised(c);
    int save = c->u->lineno;
    c->u->lineno = e->line;
    bool ok = visit_expr_inner(c, e);
    c->u->lineno = save;
    return ok;
}

/* ---- assignment targets --------------------------------------------------------------------- */

/* UNPACK_SEQUENCE or UNPACK_EX for a target list with at most one starred item. */
static bool unpack_helper(Compiler *c, const BtAstExprList *elts) {
    int n = elts->count;
    int star = -1;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == BT_EXPR_STARRED)
            star = i;
    if (star >= 0) {
        int after = n - star - 1;
        if (star >= 256 || after >= (1 << 16))
            return ERROR_AT(c, elts->items[star],
                            "too many expressions in star-unpacking assignment");
        EMIT(c, UNPACK_EX, star | (after << 8));
    } else {
        EMIT(c, UNPACK_SEQUENCE, n);
    }
    return true;
}

static bool compile_store_seq(Compiler *c, const BtAstExpr *e, const BtAstExprList *elts) {
    int n = elts->count;
    int star = -1;
    for (int i = 0; i < n; i++) {
        if (elts->items[i]->kind == BT_EXPR_STARRED) {
            if (star >= 0)
                return ERROR_AT(c, e, "multiple starred expressions in assignment");
            star = i;
        }
    }
    if (!unpack_helper(c, elts))
        return false;
    for (int i = 0; i < n; i++) {
        const BtAstExpr *elt = elts->items[i];
        if (!compile_store(c, elt->kind == BT_EXPR_STARRED ? elt->starred.value : elt))
            return false;
    }
    return true;
}

static bool compile_delete_target(Compiler *c, const BtAstExpr *e);

/* Store TOS into the target e (any kind the grammar allows on the left of =). */
static bool compile_store(Compiler *c, const BtAstExpr *e) {
    int save = c->u->lineno;
    c->u->lineno = e->line;
    bool ok = true;
    switch (e->kind) {
    case BT_EXPR_NAME:
        ok = compile_nameop(c, e->name.id, BT_CTX_STORE);
        break;
    case BT_EXPR_ATTRIBUTE: {
        ok = visit_expr(c, e->attribute.value);
        const char *attr = ok ? mangle(c, e->attribute.attr) : NULL;
        ok = attr && emit_name(c, BT_OP_STORE_ATTR, attr);
        break;
    }
    case BT_EXPR_SUBSCRIPT:
        ok = visit_expr(c, e->subscript.value) && visit_expr(c, e->subscript.slice) &&
             emit(c, BT_OP_STORE_SUBSCR, 0);
        break;
    case BT_EXPR_TUPLE:
        ok = compile_store_seq(c, e, &e->tuple.elts);
        break;
    case BT_EXPR_LIST:
        ok = compile_store_seq(c, e, &e->list.elts);
        break;
    case BT_EXPR_STARRED:
        ok = ERROR_AT(c, e, "starred assignment target must be in a list or tuple");
        break;
    default:
        ok = ERROR_AT_S(c, e, "cannot assign to %s", bt_ast_expr_name(e->kind));
        break;
    }
    c->u->lineno = save;
    return ok;
}

static bool compile_delete_target(Compiler *c, const BtAstExpr *e) {
    int save = c->u->lineno;
    c->u->lineno = e->line;
    bool ok = true;
    switch (e->kind) {
    case BT_EXPR_NAME:
        ok = compile_nameop(c, e->name.id, BT_CTX_DEL);
        break;
    case BT_EXPR_ATTRIBUTE: {
        ok = visit_expr(c, e->attribute.value);
        const char *attr = ok ? mangle(c, e->attribute.attr) : NULL;
        ok = attr && emit_name(c, BT_OP_DELETE_ATTR, attr);
        break;
    }
    case BT_EXPR_SUBSCRIPT:
        ok = visit_expr(c, e->subscript.value) && visit_expr(c, e->subscript.slice) &&
             emit(c, BT_OP_DELETE_SUBSCR, 0);
        break;
    case BT_EXPR_TUPLE:
        for (int i = 0; i < e->tuple.elts.count && ok; i++)
            ok = compile_delete_target(c, e->tuple.elts.items[i]);
        break;
    case BT_EXPR_LIST:
        for (int i = 0; i < e->list.elts.count && ok; i++)
            ok = compile_delete_target(c, e->list.elts.items[i]);
        break;
    case BT_EXPR_STARRED:
        ok = ERROR_AT(c, e, "cannot delete starred");
        break;
    default:
        ok = ERROR_AT_S(c, e, "cannot delete %s", bt_ast_expr_name(e->kind));
        break;
    }
    c->u->lineno = save;
    return ok;
}

/* ---- unwinding for break, continue and return ------------------------------------------------ */

static bool call_exit_with_nones(Compiler *c) {
    LOAD_CONST(c, BT_NONE);
    LOAD_CONST(c, BT_NONE);
    LOAD_CONST(c, BT_NONE);
    EMIT(c, CALL, 2);
    return true;
}

static bool unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop);

/* Emit what leaving the block fb early needs (3.11's compiler_unwind_fblock). */
static bool unwind_fblock(Compiler *c, FBlock *fb, bool preserve_tos) {
    Unit *u = c->u;
    switch (fb->kind) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return true;
    case FB_FOR_LOOP:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_TOP);
        return true;
    case FB_TRY_EXCEPT:
        pop_block(c, fb->handler);
        return true;
    case FB_FINALLY_TRY: {
        pop_block(c, fb->handler);
        if (preserve_tos && !push_fblock(c, NULL, FB_POP_VALUE, -1, -1, -1, NULL))
            return false;
        /* A return inside the finally body must not run this finally again. */
        int save = u->lineno;
        if (!visit_stmts(c, (const BtAstStmtList *)fb->datum))
            return false;
        u->lineno = save;
        if (preserve_tos)
            pop_fblock(c);
        return true;
    }
    case FB_FINALLY_END:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_TOP);
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        pop_block(c, fb->handler);
        EMIT0(c, POP_EXCEPT);
        return true;
    case FB_WITH:
    case FB_ASYNC_WITH: {
        int save = u->lineno;
        u->lineno = fb->line;
        pop_block(c, fb->handler);
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        if (!call_exit_with_nones(c))
            return false;
        if (fb->kind == FB_ASYNC_WITH && !compile_await_top(c, 2))
            return false;
        EMIT0(c, POP_TOP);
        u->lineno = save;
        return true;
    }
    case FB_HANDLER_CLEANUP: {
        int h = fb->handler;
        if (fb->datum) {
            pop_block(c, h); /* the cleanup_end handler */
            h = u->handlers[h].parent;
        }
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        pop_block(c, h);
        EMIT0(c, POP_EXCEPT);
        if (fb->datum) {
            LOAD_CONST(c, BT_NONE);
            if (!compile_nameop(c, fb->datum, BT_CTX_STORE) ||
                !compile_nameop(c, fb->datum, BT_CTX_DEL))
                return false;
        }
        return true;
    }
    case FB_POP_VALUE:
        if (preserve_tos)
            EMIT(c, SWAP, 2);
        EMIT0(c, POP_TOP);
        return true;
    }
    return true;
}

/* Unwind every block up to (not including) the innermost loop when loop is not NULL. */
static bool unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return true;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop && (top->kind == FB_WHILE_LOOP || top->kind == FB_FOR_LOOP)) {
        *loop = top;
        return true;
    }
    FBlock copy = *top;
    u->nfblocks--;
    bool ok = unwind_fblock(c, &copy, preserve_tos) && unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
    return ok;
}

/* ---- statements --------------------------------------------------------------------------------- */

static bool compile_return(Compiler *c, const BtAstStmt *s) {
    Unit *u = c->u;
    if (!is_function_unit(u))
        return ERROR_AT(c, s, "'return' outside function");
    const BtAstExpr *v = s->return_.value;
    if (v && u->scope->coroutine && u->scope->generator)
        return ERROR_AT(c, s, "'return' with value in async generator");
    int saved_handler = u->cur_handler;
    bool preserve = v && !is_const_expr(v);
    if (preserve && !visit_expr(c, v))
        return false;
    if (!unwind_fblock_stack(c, preserve, NULL))
        return false;
    u->lineno = s->line;
    if (!v) {
        LOAD_CONST(c, BT_NONE);
    } else if (!preserve) {
        if (!load_folded(c, v))
            return false;
    }
    EMIT0(c, RETURN_VALUE);
    u->cur_handler = saved_handler;
    return true;
}

static bool compile_break_continue(Compiler *c, const BtAstStmt *s, bool is_break) {
    Unit *u = c->u;
    FBlock *loop = NULL;
    int saved_handler = u->cur_handler;
    if (!unwind_fblock_stack(c, false, &loop))
        return false;
    if (!loop)
        return ERROR_AT(c, s, is_break ? "'break' outside loop" : "'continue' not properly in loop");
    u->lineno = s->line;
    if (is_break) {
        if (!unwind_fblock(c, loop, false))
            return false;
        JUMP_TO(c, loop->exit);
    } else {
        JUMP_TO(c, loop->block);
    }
    u->cur_handler = saved_handler;
    return true;
}

/* The item just fetched stored into the target, the body, and the jump back
 * to start (for and async for). */
static bool compile_loop_body(Compiler *c, const BtAstStmt *s, int start, int end) {
    if (!compile_store(c, s->for_.target))
        return false;
    if (!push_fblock(c, s, FB_FOR_LOOP, start, end, -1, NULL))
        return false;
    if (!visit_stmts(c, &s->for_.body))
        return false;
    pop_fblock(c);
    c->u->lineno = s->line;
    JUMP_TO(c, start);
    return true;
}

static bool compile_for(Compiler *c, const BtAstStmt *s) {
    NEW_LABEL(c, start);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    if (!visit_expr(c, s->for_.iter))
        return false;
    EMIT0(c, GET_ITER);
    bind_label(c, start);
    c->u->lineno = s->line;
    JUMP(c, FOR_ITER, cleanup);
    if (!compile_loop_body(c, s, start, end))
        return false;
    bind_label(c, cleanup);
    if (!visit_stmts(c, &s->for_.orelse))
        return false;
    bind_label(c, end);
    return true;
}

/* async for (3.11's compiler_async_for): each round awaits __anext__() under a
 * handler whose END_ASYNC_FOR ends the loop on StopAsyncIteration. */
static bool compile_async_for(Compiler *c, const BtAstStmt *s) {
    Unit *u = c->u;
    NEW_LABEL(c, start);
    NEW_LABEL(c, except);
    NEW_LABEL(c, end);
    if (!visit_expr(c, s->for_.iter))
        return false;
    u->lineno = s->line;
    EMIT0(c, GET_AITER);
    bind_label(c, start);
    u->lineno = s->line;
    SETUP(c, h, except, u->depth);
    EMIT0(c, GET_ANEXT);
    if (!compile_send_loop(c, 3))
        return false;
    pop_block(c, h);
    if (!compile_loop_body(c, s, start, end))
        return false;
    /* [aiter, exc]: StopAsyncIteration pops both and falls into the else. */
    bind_label(c, except);
    u->lineno = s->line;
    EMIT0(c, END_ASYNC_FOR);
    if (!visit_stmts(c, &s->for_.orelse))
        return false;
    bind_label(c, end);
    return true;
}

/* As CPython 3.11 does, the test is compiled twice: once before the loop,
 * and again at the bottom of the body, jumping back while it holds. A round
 * of the loop then costs one jump instead of two. `continue` goes to the
 * first test. */
static bool compile_while(Compiler *c, const BtAstStmt *s) {
    NEW_LABEL(c, start);
    NEW_LABEL(c, body);
    NEW_LABEL(c, anchor);
    NEW_LABEL(c, end);
    bind_label(c, start);
    if (!compile_jump_if(c, s->while_.test, anchor, false))
        return false;
    bind_label(c, body);
    if (!push_fblock(c, s, FB_WHILE_LOOP, start, end, -1, NULL))
        return false;
    if (!visit_stmts(c, &s->while_.body))
        return false;
    pop_fblock(c);
    c->u->lineno = s->line;
    if (!compile_jump_if(c, s->while_.test, body, true))
        return false;
    bind_label(c, anchor);
    if (!visit_stmts(c, &s->while_.orelse))
        return false;
    bind_label(c, end);
    return true;
}

static bool compile_if(Compiler *c, const BtAstStmt *s) {
    NEW_LABEL(c, orelse);
    NEW_LABEL(c, end);
    if (!compile_jump_if(c, s->if_.test, orelse, false))
        return false;
    if (!visit_stmts(c, &s->if_.body))
        return false;
    if (s->if_.orelse.count > 0) {
        JUMP_TO(c, end);
        bind_label(c, orelse);
        if (!visit_stmts(c, &s->if_.orelse))
            return false;
    } else {
        bind_label(c, orelse);
    }
    bind_label(c, end);
    return true;
}

/* `SWAP 2; POP_EXCEPT; RERAISE`: restore the previously handled exception and re-raise. */
static bool emit_cleanup_reraise(Compiler *c) {
    EMIT(c, SWAP, 2);
    EMIT0(c, POP_EXCEPT);
    EMIT0(c, RERAISE);
    return true;
}

/* with and async with (whose __aenter__/__aexit__ results are awaited). */
static bool compile_with(Compiler *c, const BtAstStmt *s, int pos) {
    Unit *u = c->u;
    const BtAstWithItem *item = s->with.items.items[pos];
    bool is_async = s->kind == BT_STMT_ASYNC_WITH;
    NEW_LABEL(c, handler);
    NEW_LABEL(c, exit);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, suppress);
    if (!visit_expr(c, item->context_expr))
        return false;
    u->lineno = s->line;
    if (is_async) {
        EMIT0(c, BEFORE_ASYNC_WITH);
        if (!compile_await_top(c, 1))
            return false;
    } else {
        EMIT0(c, BEFORE_WITH);
    }
    /* The handler keeps __exit__ on the stack and drops __enter__'s result. */
    SETUP(c, h, handler, u->depth - 1);
    if (!push_fblock(c, s, is_async ? FB_ASYNC_WITH : FB_WITH, -1, -1, h, NULL))
        return false;
    if (item->optional_vars) {
        if (!compile_store(c, item->optional_vars))
            return false;
    } else {
        EMIT0(c, POP_TOP);
    }
    if (pos + 1 < s->with.items.count) {
        if (!compile_with(c, s, pos + 1))
            return false;
    } else if (!visit_stmts(c, &s->with.body)) {
        return false;
    }
    pop_fblock(c);
    pop_block(c, h);
    u->lineno = s->line;
    if (!call_exit_with_nones(c))
        return false;
    if (is_async && !compile_await_top(c, 2))
        return false;
    EMIT0(c, POP_TOP);
    JUMP_TO(c, exit);

    /* exceptional exit: [__exit__, exc] */
    u->cur_handler = u->handlers[h].parent;
    bind_label(c, handler);
    u->lineno = s->line;
    SETUP(c, hc, cleanup, u->depth);
    EMIT0(c, PUSH_EXC_INFO);
    EMIT0(c, WITH_EXCEPT_START);
    if (is_async && !compile_await_top(c, 2))
        return false;
    JUMP(c, POP_JUMP_IF_TRUE, suppress);
    EMIT0(c, RERAISE);
    pop_block(c, hc);
    bind_label(c, cleanup);
    if (!emit_cleanup_reraise(c))
        return false;
    bind_label(c, suppress);
    u->cur_handler = hc;
    EMIT0(c, POP_TOP);
    pop_block(c, hc);
    EMIT0(c, POP_EXCEPT);
    EMIT0(c, POP_TOP);
    bind_label(c, exit);
    return true;
}

static bool compile_try_except(Compiler *c, const BtAstStmt *s) {
    Unit *u = c->u;
    NEW_LABEL(c, except);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, end);
    SETUP(c, h, except, u->depth);
    if (!push_fblock(c, s, FB_TRY_EXCEPT, -1, -1, h, NULL))
        return false;
    if (!visit_stmts(c, &s->try_.body))
        return false;
    pop_fblock(c);
    pop_block(c, h);
    if (!visit_stmts(c, &s->try_.orelse))
        return false;
    JUMP_TO(c, end);

    int outer = u->handlers[h].parent;
    u->cur_handler = outer;
    bind_label(c, except);
    SETUP(c, hc, cleanup, u->depth);
    EMIT0(c, PUSH_EXC_INFO);
    if (!push_fblock(c, s, FB_EXCEPTION_HANDLER, -1, -1, -1, NULL))
        return false;
    int n = s->try_.handlers.count;
    for (int i = 0; i < n; i++) {
        const BtAstExceptHandler *eh = s->try_.handlers.items[i];
        u->lineno = eh->line;
        u->cur_handler = hc;
        NEW_LABEL(c, next);
        if (!eh->type && i < n - 1)
            return ERROR_AT(c, eh, "default 'except:' must be last");
        if (eh->type) {
            if (!visit_expr(c, eh->type))
                return false;
            EMIT0(c, CHECK_EXC_MATCH);
            JUMP(c, POP_JUMP_IF_FALSE, next);
        }
        if (eh->name) {
            NEW_LABEL(c, cleanup_end);
            if (!compile_nameop(c, eh->name, BT_CTX_STORE))
                return false;
            SETUP(c, hn, cleanup_end, u->depth);
            if (!push_fblock(c, s, FB_HANDLER_CLEANUP, -1, -1, hn, eh->name))
                return false;
            if (!visit_stmts(c, &eh->body))
                return false;
            pop_fblock(c);
            pop_block(c, hn);
            pop_block(c, hc);
            u->lineno = eh->line;
            EMIT0(c, POP_EXCEPT);
            LOAD_CONST(c, BT_NONE);
            if (!compile_nameop(c, eh->name, BT_CTX_STORE) ||
                !compile_nameop(c, eh->name, BT_CTX_DEL))
                return false;
            JUMP_TO(c, end);
            /* the handler body raised: unbind the name, then the outer cleanup */
            u->cur_handler = hc;
            bind_label(c, cleanup_end);
            u->lineno = eh->line;
            LOAD_CONST(c, BT_NONE);
            if (!compile_nameop(c, eh->name, BT_CTX_STORE) ||
                !compile_nameop(c, eh->name, BT_CTX_DEL))
                return false;
            EMIT0(c, RERAISE);
        } else {
            EMIT0(c, POP_TOP);
            if (!push_fblock(c, s, FB_HANDLER_CLEANUP, -1, -1, hc, NULL))
                return false;
            if (!visit_stmts(c, &eh->body))
                return false;
            pop_fblock(c);
            pop_block(c, hc);
            u->lineno = eh->line;
            EMIT0(c, POP_EXCEPT);
            JUMP_TO(c, end);
        }
        u->cur_handler = hc;
        bind_label(c, next);
    }
    pop_fblock(c);
    u->cur_handler = hc;
    /* no handler matched: re-raise through the cleanup */
    EMIT0(c, RERAISE);
    pop_block(c, hc);
    bind_label(c, cleanup);
    if (!emit_cleanup_reraise(c))
        return false;
    bind_label(c, end);
    return true;
}

static bool compile_try_finally(Compiler *c, const BtAstStmt *s) {
    Unit *u = c->u;
    NEW_LABEL(c, end_handler);
    NEW_LABEL(c, cleanup);
    NEW_LABEL(c, exit);
    SETUP(c, h, end_handler, u->depth);
    if (!push_fblock(c, s, FB_FINALLY_TRY, -1, -1, h, &s->try_.finalbody))
        return false;
    if (s->try_.handlers.count > 0) {
        if (!compile_try_except(c, s))
            return false;
    } else if (!visit_stmts(c, &s->try_.body)) {
        return false;
    }
    pop_fblock(c);
    u->cur_handler = h;
    pop_block(c, h);
    if (!visit_stmts(c, &s->try_.finalbody))
        return false;
    JUMP_TO(c, exit);

    u->cur_handler = u->handlers[h].parent;
    bind_label(c, end_handler);
    SETUP(c, hc, cleanup, u->depth);
    EMIT0(c, PUSH_EXC_INFO);
    if (!push_fblock(c, s, FB_FINALLY_END, -1, -1, hc, NULL))
        return false;
    if (!visit_stmts(c, &s->try_.finalbody))
        return false;
    pop_fblock(c);
    EMIT0(c, RERAISE);
    u->cur_handler = hc;
    pop_block(c, hc);
    bind_label(c, cleanup);
    if (!emit_cleanup_reraise(c))
        return false;
    bind_label(c, exit);
    return true;
}

static bool compile_aug_assign(Compiler *c, const BtAstStmt *s) {
    const BtAstExpr *t = s->aug_assign.target;
    uint32_t op = (uint32_t)binop_of(s->aug_assign.op) + BT_BINOP__COUNT;
    switch (t->kind) {
    case BT_EXPR_NAME:
        if (!compile_nameop(c, t->name.id, BT_CTX_LOAD) || !visit_expr(c, s->aug_assign.value))
            return false;
        c->u->lineno = s->line;
        EMIT(c, BINARY_OP, op);
        return compile_nameop(c, t->name.id, BT_CTX_STORE);
    case BT_EXPR_ATTRIBUTE: {
        const char *attr = mangle(c, t->attribute.attr);
        if (!attr || !visit_expr(c, t->attribute.value))
            return false;
        c->u->lineno = t->line;
        EMIT(c, COPY, 1);
        EMIT_NAME(c, LOAD_ATTR, attr);
        if (!visit_expr(c, s->aug_assign.value))
            return false;
        c->u->lineno = s->line;
        EMIT(c, BINARY_OP, op);
        EMIT(c, SWAP, 2);
        EMIT_NAME(c, STORE_ATTR, attr);
        return true;
    }
    case BT_EXPR_SUBSCRIPT:
        if (!visit_expr(c, t->subscript.value) || !visit_expr(c, t->subscript.slice))
            return false;
        c->u->lineno = t->line;
        EMIT(c, COPY, 2);
        EMIT(c, COPY, 2);
        EMIT0(c, BINARY_SUBSCR);
        if (!visit_expr(c, s->aug_assign.value))
            return false;
        c->u->lineno = s->line;
        EMIT(c, BINARY_OP, op);
        EMIT(c, SWAP, 3);
        EMIT(c, SWAP, 2);
        EMIT0(c, STORE_SUBSCR);
        return true;
    default:
        return ERROR_AT_S(c, t, "'%s' is an illegal expression for augmented assignment",
                          bt_ast_expr_name(t->kind));
    }
}

static bool compile_import(Compiler *c, const BtAstStmt *s) {
    for (int i = 0; i < s->import.names.count; i++) {
        const BtAstAlias *a = s->import.names.items[i];
        LOAD_CONST(c, bt_int(0));
        LOAD_CONST(c, BT_NONE);
        EMIT_NAME(c, IMPORT_NAME, a->name);
        const char *dot = strchr(a->name, '.');
        if (a->asname && dot) {
            /* import a.b.c as d: walk the attributes down to c */
            const char *p = dot + 1;
            for (;;) {
                const char *q = strchr(p, '.');
                size_t n = q ? (size_t)(q - p) : strlen(p);
                char *attr = malloc(n + 1);
                if (!attr)
                    return fail_memory(c);
                memcpy(attr, p, n);
                attr[n] = 0;
                bool ok = emit_name(c, BT_OP_IMPORT_FROM, attr);
                free(attr);
                if (!ok)
                    return false;
                if (!q)
                    break;
                EMIT(c, SWAP, 2);
                EMIT0(c, POP_TOP);
                p = q + 1;
            }
            if (!compile_nameop(c, a->asname, BT_CTX_STORE))
                return false;
            EMIT0(c, POP_TOP);
        } else if (a->asname) {
            if (!compile_nameop(c, a->asname, BT_CTX_STORE))
                return false;
        } else if (dot) {
            size_t n = (size_t)(dot - a->name);
            char *first = malloc(n + 1);
            if (!first)
                return fail_memory(c);
            memcpy(first, a->name, n);
            first[n] = 0;
            bool ok = compile_nameop(c, first, BT_CTX_STORE);
            free(first);
            if (!ok)
                return false;
        } else if (!compile_nameop(c, a->name, BT_CTX_STORE)) {
            return false;
        }
    }
    return true;
}

static bool compile_import_from(Compiler *c, const BtAstStmt *s) {
    int n = s->import_from.names.count;
    const char **names = malloc((size_t)(n ? n : 1) * sizeof *names);
    if (!names)
        return fail_memory(c);
    for (int i = 0; i < n; i++)
        names[i] = s->import_from.names.items[i]->name;
    int k = add_name_tuple(c, names, n);
    free(names);
    if (k < 0)
        return false;
    LOAD_CONST(c, bt_int(s->import_from.level));
    EMIT(c, LOAD_CONST, k);
    EMIT_NAME(c, IMPORT_NAME, s->import_from.module ? s->import_from.module : "");
    if (n == 1 && strcmp(s->import_from.names.items[0]->name, "*") == 0) {
        EMIT0(c, IMPORT_STAR);
        return true;
    }
    for (int i = 0; i < n; i++) {
        const BtAstAlias *a = s->import_from.names.items[i];
        EMIT_NAME(c, IMPORT_FROM, a->name);
        if (!compile_nameop(c, a->asname ? a->asname : a->name, BT_CTX_STORE))
            return false;
    }
    EMIT0(c, POP_TOP);
    return true;
}

static bool compile_assert(Compiler *c, const BtAstStmt *s) {
    NEW_LABEL(c, end);
    if (!compile_jump_if(c, s->assert_.test, end, true))
        return false;
    EMIT0(c, LOAD_ASSERTION_ERROR);
    if (s->assert_.msg) {
        if (!visit_expr(c, s->assert_.msg))
            return false;
        EMIT(c, CALL, 0);
    }
    EMIT(c, RAISE_VARARGS, 1);
    bind_label(c, end);
    return true;
}

static const BtAstExpr *docstring_of(const BtAstStmtList *body) {
    if (body->count == 0)
        return NULL;
    const BtAstStmt *s = body->items[0];
    if (s->kind == BT_STMT_EXPR && is_const_kind(s->expr.value, BT_CONST_STR))
        return s->expr.value;
    return NULL;
}

static bool compile_decorators(Compiler *c, const BtAstExprList *decos) {
    for (int i = 0; i < decos->count; i++)
        if (!visit_expr(c, decos->items[i]))
            return false;
    return true;
}

static bool apply_decorators(Compiler *c, const BtAstExprList *decos) {
    for (int i = decos->count - 1; i >= 0; i--) {
        c->u->lineno = decos->items[i]->line;
        EMIT(c, CALL, 0);
    }
    return true;
}

static bool compile_function_def(Compiler *c, const BtAstStmt *s) {
    const BtAstExprList *decos = &s->function_def.decorator_list;
    if (!compile_decorators(c, decos))
        return false;
    int firstline = decos->count ? decos->items[0]->line : s->line;
    c->u->lineno = s->line;
    uint32_t flags;
    if (!compile_defaults(c, s->function_def.args, &flags))
        return false;
    if (!enter_unit(c, bt_symtable_lookup(c->st, s), s->function_def.name, firstline))
        return false;
    const BtAstStmtList *body = &s->function_def.body;
    const BtAstExpr *doc = docstring_of(body);
    BtValue docv = BT_NONE;
    if (doc && !constant_value(c, doc, &docv))
        return false;
    if (add_const(c, docv) < 0)
        return false;
    for (int i = doc ? 1 : 0; i < body->count; i++) {
        BtAstStmtList one = {1, &body->items[i]};
        if (!visit_stmts(c, &one))
            return false;
    }
    if (c->u->reachable) {
        c->u->lineno = body->count ? body->items[body->count - 1]->end_line : s->line;
        if (body->count)
            c->u->lineno = body->items[body->count - 1]->line;
        LOAD_CONST(c, BT_NONE);
        EMIT0(c, RETURN_VALUE);
    }
    if (!finish_child(c, flags))
        return false;
    if (!apply_decorators(c, decos))
        return false;
    c->u->lineno = s->line;
    return compile_nameop(c, s->function_def.name, BT_CTX_STORE);
}

/* Does a module or class body annotate a name (`x: int`), outside nested
 * defs and classes? Then it gets an __annotations__ dict. */
static bool has_annotations(const BtAstStmtList *l) {
    for (int i = 0; i < l->count; i++) {
        const BtAstStmt *s = l->items[i];
        switch (s->kind) {
        case BT_STMT_ANN_ASSIGN:
            return true;
        case BT_STMT_FOR:
        case BT_STMT_ASYNC_FOR:
            if (has_annotations(&s->for_.body) || has_annotations(&s->for_.orelse))
                return true;
            break;
        case BT_STMT_WHILE:
            if (has_annotations(&s->while_.body) || has_annotations(&s->while_.orelse))
                return true;
            break;
        case BT_STMT_IF:
            if (has_annotations(&s->if_.body) || has_annotations(&s->if_.orelse))
                return true;
            break;
        case BT_STMT_WITH:
        case BT_STMT_ASYNC_WITH:
            if (has_annotations(&s->with.body))
                return true;
            break;
        case BT_STMT_MATCH:
            for (int m = 0; m < s->match.cases.count; m++)
                if (has_annotations(&s->match.cases.items[m]->body))
                    return true;
            break;
        case BT_STMT_TRY:
            if (has_annotations(&s->try_.body) || has_annotations(&s->try_.orelse) ||
                has_annotations(&s->try_.finalbody))
                return true;
            for (int h = 0; h < s->try_.handlers.count; h++)
                if (has_annotations(&s->try_.handlers.items[h]->body))
                    return true;
            break;
        default:
            break;
        }
    }
    return false;
}

static bool compile_class_def(Compiler *c, const BtAstStmt *s) {
    const BtAstExprList *decos = &s->class_def.decorator_list;
    if (!compile_decorators(c, decos))
        return false;
    int firstline = decos->count ? decos->items[0]->line : s->line;
    c->u->lineno = s->line;
    EMIT0(c, PUSH_NULL);
    EMIT0(c, LOAD_BUILD_CLASS);
    BtScope *scope = bt_symtable_lookup(c->st, s);
    if (!enter_unit(c, scope, s->class_def.name, firstline))
        return false;
    Unit *u = c->u;
    u->lineno = firstline;
    EMIT_NAME(c, LOAD_NAME, "__name__");
    EMIT_NAME(c, STORE_NAME, "__module__");
    LOAD_CONST(c, bt_obj(u->qualname));
    EMIT_NAME(c, STORE_NAME, "__qualname__");
    const BtAstStmtList *body = &s->class_def.body;
    const BtAstExpr *doc = docstring_of(body);
    if (doc) {
        BtValue docv;
        u->lineno = doc->line;
        if (!constant_value(c, doc, &docv) || !load_const(c, docv))
            return false;
        EMIT_NAME(c, STORE_NAME, "__doc__");
    }
    if (has_annotations(body))
        EMIT0(c, SETUP_ANNOTATIONS);
    for (int i = doc ? 1 : 0; i < body->count; i++) {
        BtAstStmtList one = {1, &body->items[i]};
        if (!visit_stmts(c, &one))
            return false;
    }
    u->lineno = body->count ? body->items[body->count - 1]->line : s->line;
    if (scope->needs_class_closure) {
        int i = find_str(u->cellvars, u->ncells, "__class__");
        EMIT(c, LOAD_CLOSURE, u->nlocals + i);
        EMIT(c, COPY, 1);
        EMIT_NAME(c, STORE_NAME, "__classcell__");
    } else {
        LOAD_CONST(c, BT_NONE);
    }
    EMIT0(c, RETURN_VALUE);
    if (!finish_child(c, 0))
        return false;
    c->u->lineno = s->line;
    BtValue name;
    if (!make_str(c, s->class_def.name, strlen(s->class_def.name), &name) ||
        !load_const(c, name))
        return false;
    if (!call_helper(c, 2, &s->class_def.bases, &s->class_def.keywords))
        return false;
    if (!apply_decorators(c, decos))
        return false;
    c->u->lineno = s->line;
    return compile_nameop(c, s->class_def.name, BT_CTX_STORE);
}

static bool compile_ann_assign(Compiler *c, const BtAstStmt *s) {
    const BtAstExpr *target = s->ann_assign.target;
    if (s->ann_assign.value) {
        if (!visit_expr(c, s->ann_assign.value) || !compile_store(c, target))
            return false;
    } else if (target->kind != BT_EXPR_NAME) {
        /* `obj.attr: T` evaluates obj (3.11 checks it exists) */
        const BtAstExpr *obj = target->kind == BT_EXPR_ATTRIBUTE ? target->attribute.value
                               : target->kind == BT_EXPR_SUBSCRIPT ? target->subscript.value
                                                                   : NULL;
        if (obj) {
            if (!visit_expr(c, obj))
                return false;
            EMIT0(c, POP_TOP);
        }
    }
    if (!is_function_unit(c->u)) {
        if (!visit_expr(c, s->ann_assign.annotation))
            return false;
        if (s->ann_assign.simple && target->kind == BT_EXPR_NAME) {
            /* __annotations__['x'] = T, in the module's or class's namespace */
            EMIT_NAME(c, LOAD_NAME, "__annotations__");
            BtStr *key = bt_str_intern_cstr(c->t, target->name.id);
            if (!key || !load_const(c, bt_obj(key)))
                return false;
            EMIT0(c, STORE_SUBSCR);
        } else {
            EMIT0(c, POP_TOP);
        }
    }
    return true;
}

static bool compile_expr_stmt(Compiler *c, const BtAstStmt *s) {
    const BtAstExpr *v = s->expr.value;
    if (c->mode == BT_COMPILE_INTERACTIVE && c->u->prev == NULL) {
        if (!visit_expr(c, v))
            return false;
        EMIT0(c, PRINT_EXPR);
        return true;
    }
    if (v->kind == BT_EXPR_CONSTANT && !(v->constant.kind == BT_CONST_INT && v->constant.big)) {
        EMIT0(c, NOP);
        return true;
    }
    if (!visit_expr(c, v))
        return false;
    EMIT0(c, POP_TOP);
    return true;
}

/* ---- match statements (PEP 634) ------------------------------------------------------------------
 * As CPython 3.11 compiles them. The subject is on top of the stack; a pattern consumes
 * it and either falls through (matched) or jumps to a failure label. Values captured
 * for names wait on the stack, below whatever is still being matched, and are stored
 * only once the whole pattern matched (so a failed case binds nothing); failure label
 * fail_pop[n] pops the n items the pattern had pushed at that point. parser/check.c
 * has already reported every SyntaxError a pattern can have. */

typedef struct {
    const char **stores; /* names captured so far, in order; their values on the stack */
    int nstores, cap_stores;
    int *fail_pop; /* fail_pop[n]: pop n items, then go on to fail_pop[n - 1] */
    int nfail_pop, cap_fail_pop;
    int on_top; /* items above the captured values that a failure pops too */
} PatternContext;

static bool compile_pattern(Compiler *c, const BtAstPattern *pat, PatternContext *pc);

static void pattern_context_free(PatternContext *pc) {
    free(pc->stores);
    free(pc->fail_pop);
}

static bool is_wildcard(const BtAstPattern *pat) {
    return pat->kind == BT_PAT_MATCH_AS && !pat->match_as.pattern && !pat->match_as.name;
}

/* Move TOS down under the count - 1 items below it. */
static bool rotate(Compiler *c, int count) {
    while (count > 1)
        EMIT(c, SWAP, count--);
    return true;
}

/* Make the failure labels fail_pop[0..pops]. */
static bool ensure_fail_pop(Compiler *c, PatternContext *pc, int pops) {
    if (!GROW(c, pc->fail_pop, pc->cap_fail_pop, pops + 1))
        return false;
    while (pc->nfail_pop <= pops) {
        int label = new_label(c);
        if (label < 0)
            return false;
        pc->fail_pop[pc->nfail_pop++] = label;
    }
    return true;
}

/* Jump with op (a conditional jump, or OP_JUMP) to the failure path, which pops what
 * this pattern has pushed so far. */
static bool jump_to_fail_pop(Compiler *c, PatternContext *pc, int op) {
    int pops = pc->on_top + pc->nstores;
    return ensure_fail_pop(c, pc, pops) && emit_jump(c, op, pc->fail_pop[pops]);
}

#define FAIL_IF(c, pc, op)                                                                         \
    do {                                                                                           \
        if (!jump_to_fail_pop((c), (pc), BT_OP_##op))                                             \
            return false;                                                                          \
    } while (0)

/* The failure path: fail_pop[n], POP_TOP, fail_pop[n - 1], POP_TOP, ..., fail_pop[0]. */
static bool emit_fail_pop(Compiler *c, PatternContext *pc) {
    for (int n = pc->nfail_pop - 1; n > 0; n--) {
        bind_label(c, pc->fail_pop[n]);
        EMIT0(c, POP_TOP);
    }
    if (pc->nfail_pop)
        bind_label(c, pc->fail_pop[0]);
    pc->nfail_pop = 0;
    return true;
}

/* Capture TOS for name (NULL: `_`, drop it): it goes under the items still in use and
 * the values captured before it. */
static bool pattern_store(Compiler *c, const char *name, PatternContext *pc) {
    if (!name) {
        EMIT0(c, POP_TOP);
        return true;
    }
    if (!rotate(c, pc->on_top + pc->nstores + 1) ||
        !GROW(c, pc->stores, pc->cap_stores, pc->nstores + 1))
        return false;
    pc->stores[pc->nstores++] = name;
    return true;
}

/* [a, *rest] and (a, b): check the kind and length, then match the items, taken by
 * index when the only star is `*_` (no copy of the middle), else by unpacking. */
static bool compile_pattern_sequence(Compiler *c, const BtAstPattern *pat, PatternContext *pc) {
    const BtAstPatternList *items = &pat->match_sequence.patterns;
    int n = items->count, star = -1;
    bool only_wildcard = true, star_wildcard = false;
    for (int i = 0; i < n; i++) {
        const BtAstPattern *it = items->items[i];
        if (it->kind == BT_PAT_MATCH_STAR) {
            star = i;
            star_wildcard = !it->match_star.name;
            only_wildcard &= star_wildcard;
        } else {
            only_wildcard &= is_wildcard(it);
        }
    }
    pc->on_top++; /* the subject stays for the checks */
    EMIT0(c, MATCH_SEQUENCE);
    FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
    if (star < 0 || n > 1) {
        EMIT0(c, GET_LEN);
        LOAD_CONST(c, bt_int(star < 0 ? n : n - 1));
        if (!compile_cmpop(c, star < 0 ? BT_CMP_EQ : BT_CMP_GT_E))
            return false;
        FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
    }
    if (only_wildcard) {
        pc->on_top--;
        EMIT0(c, POP_TOP);
        return true;
    }
    if (star_wildcard) {
        for (int i = 0; i < n; i++) {
            const BtAstPattern *it = items->items[i];
            if (i == star || is_wildcard(it))
                continue;
            EMIT(c, COPY, 1);
            if (i < star) {
                LOAD_CONST(c, bt_int(i));
            } else { /* from the end, without relying on negative indexes */
                EMIT0(c, GET_LEN);
                LOAD_CONST(c, bt_int(n - i));
                EMIT(c, BINARY_OP, binop_of(BT_OP_SUB));
            }
            EMIT0(c, BINARY_SUBSCR);
            if (!compile_pattern(c, it, pc))
                return false;
        }
        pc->on_top--;
        EMIT0(c, POP_TOP);
        return true;
    }
    pc->on_top--;
    if (star >= 256 || n - star - 1 >= (1 << 16))
        return ERROR_AT(c, pat, "too many expressions in star-unpacking sequence pattern");
    if (star >= 0)
        EMIT(c, UNPACK_EX, star | ((n - star - 1) << 8));
    else
        EMIT(c, UNPACK_SEQUENCE, n);
    pc->on_top += n;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (!compile_pattern(c, items->items[i], pc))
            return false;
    }
    return true;
}

/* {key: pattern, **rest}: MATCH_KEYS fetches the values (None when a key is missing);
 * **rest gets a copy of the subject with the matched keys deleted. */
static bool compile_pattern_mapping(Compiler *c, const BtAstPattern *pat, PatternContext *pc) {
    const BtAstExprList *keys = &pat->match_mapping.keys;
    const BtAstPatternList *pats = &pat->match_mapping.patterns;
    const char *rest = pat->match_mapping.rest;
    int n = keys->count;
    pc->on_top++; /* the subject stays for the checks */
    EMIT0(c, MATCH_MAPPING);
    FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
    if (!n && !rest) {
        pc->on_top--;
        EMIT0(c, POP_TOP);
        return true;
    }
    if (n) {
        EMIT0(c, GET_LEN);
        LOAD_CONST(c, bt_int(n));
        if (!compile_cmpop(c, BT_CMP_GT_E))
            return false;
        FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
    }
    for (int i = 0; i < n; i++)
        if (!visit_expr(c, keys->items[i]))
            return false;
    EMIT(c, BUILD_TUPLE, n);
    EMIT0(c, MATCH_KEYS);
    pc->on_top += 2; /* the keys and the values (or None) */
    EMIT(c, COPY, 1);
    FAIL_IF(c, pc, POP_JUMP_IF_NONE);
    EMIT(c, UNPACK_SEQUENCE, n);
    pc->on_top += n - 1;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        if (!compile_pattern(c, pats->items[i], pc))
            return false;
    }
    pc->on_top -= 2; /* what follows consumes the keys and the subject */
    if (!rest) {
        EMIT0(c, POP_TOP);
        EMIT0(c, POP_TOP);
        return true;
    }
    EMIT(c, BUILD_MAP, 0);       /* subject, keys, {} */
    EMIT(c, SWAP, 3);            /* {}, keys, subject */
    EMIT(c, DICT_UPDATE, 2);     /* copy, keys */
    EMIT(c, UNPACK_SEQUENCE, n); /* copy, keys... */
    for (int left = n; left > 0; left--) {
        EMIT(c, COPY, 1 + left); /* copy, keys..., copy */
        EMIT(c, SWAP, 2);        /* copy, keys..., copy, key */
        EMIT0(c, DELETE_SUBSCR); /* copy, keys... (one fewer) */
    }
    return pattern_store(c, rest, pc);
}

/* cls(p, ..., name=p): MATCH_CLASS gives the tuple of attributes or None. */
static bool compile_pattern_class(Compiler *c, const BtAstPattern *pat, PatternContext *pc) {
    const BtAstPatternList *args = &pat->match_class.patterns;
    const BtAstPatternList *kwds = &pat->match_class.kwd_patterns;
    int n = args->count + kwds->count;
    if (!visit_expr(c, pat->match_class.cls))
        return false;
    int names = add_name_tuple(c, pat->match_class.kwd_attrs.items, kwds->count);
    if (names < 0 || !emit(c, BT_OP_LOAD_CONST, (uint32_t)names))
        return false;
    c->u->lineno = pat->line;
    EMIT(c, MATCH_CLASS, args->count);
    pc->on_top++;
    EMIT(c, COPY, 1);
    FAIL_IF(c, pc, POP_JUMP_IF_NONE);
    EMIT(c, UNPACK_SEQUENCE, n);
    pc->on_top += n - 1;
    for (int i = 0; i < n; i++) {
        pc->on_top--;
        const BtAstPattern *it = i < args->count ? args->items[i] : kwds->items[i - args->count];
        if (is_wildcard(it))
            EMIT0(c, POP_TOP);
        else if (!compile_pattern(c, it, pc))
            return false;
    }
    return true;
}

/* Reorder the values captured by an alternative (alt->stores) to the order of the
 * first alternative's names (control), the same rotations on the stack and the list. */
static bool reorder_captures(Compiler *c, PatternContext *alt, const char **control) {
    for (int icontrol = alt->nstores - 1; icontrol >= 0; icontrol--) {
        int istores = 0;
        while (strcmp(alt->stores[istores], control[icontrol]) != 0)
            istores++;
        if (istores == icontrol)
            continue;
        /* stores[0..rot) move to just before position icontrol - istores + rot */
        int rot = istores + 1;
        const char *moved[rot];
        memcpy(moved, alt->stores, (size_t)rot * sizeof *moved);
        memmove(alt->stores, alt->stores + rot, (size_t)(icontrol - istores) * sizeof *moved);
        memcpy(alt->stores + (icontrol - istores), moved, (size_t)rot * sizeof *moved);
        for (int r = 0; r < rot; r++)
            if (!rotate(c, icontrol + 1))
                return false;
    }
    return true;
}

/* p1 | p2 | ...: each alternative matches a copy of the subject; all bind the same
 * names, reordered to the first one's order, then moved under the outer captures. */
static bool compile_pattern_or(Compiler *c, const BtAstPattern *pat, PatternContext *pc) {
    const BtAstPatternList *alts = &pat->match_or.patterns;
    NEW_LABEL(c, end);
    PatternContext control = {0};
    bool ok = true;
    for (int i = 0; i < alts->count && ok; i++) {
        PatternContext alt = {0};
        c->u->lineno = alts->items[i]->line;
        ok = emit(c, BT_OP_COPY, 1) && compile_pattern(c, alts->items[i], &alt) &&
             (i == 0 || reorder_captures(c, &alt, control.stores)) &&
             emit_jump(c, OP_JUMP, end) && emit_fail_pop(c, &alt);
        if (i == 0) {
            control = alt;
            continue;
        }
        pattern_context_free(&alt);
    }
    /* No alternative matched: drop the subject and fail. */
    ok = ok && emit(c, BT_OP_POP_TOP, 0) && jump_to_fail_pop(c, pc, OP_JUMP);
    if (ok) {
        bind_label(c, end);
        int nrots = control.nstores + 1 + pc->on_top + pc->nstores;
        for (int i = 0; i < control.nstores && ok; i++) {
            ok = rotate(c, nrots) && GROW(c, pc->stores, pc->cap_stores, pc->nstores + 1);
            if (ok)
                pc->stores[pc->nstores++] = control.stores[i];
        }
    }
    pattern_context_free(&control);
    return ok && emit(c, BT_OP_POP_TOP, 0);
}

static bool compile_pattern(Compiler *c, const BtAstPattern *pat, PatternContext *pc) {
    if (!bt_c_stack_ok(c->t, " during compilation"))
        return fail_raised(c);
    c->u->lineno = pat->line;
    switch (pat->kind) {
    case BT_PAT_MATCH_VALUE:
        if (!visit_expr(c, pat->match_value.value) || !compile_cmpop(c, BT_CMP_EQ))
            return false;
        FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
        return true;
    case BT_PAT_MATCH_SINGLETON:
        LOAD_CONST(c, pat->match_singleton.value == BT_CONST_NONE   ? BT_NONE
                      : pat->match_singleton.value == BT_CONST_TRUE ? BT_TRUE
                                                                    : BT_FALSE);
        EMIT(c, IS_OP, 0);
        FAIL_IF(c, pc, POP_JUMP_IF_FALSE);
        return true;
    case BT_PAT_MATCH_SEQUENCE:
        return compile_pattern_sequence(c, pat, pc);
    case BT_PAT_MATCH_MAPPING:
        return compile_pattern_mapping(c, pat, pc);
    case BT_PAT_MATCH_CLASS:
        return compile_pattern_class(c, pat, pc);
    case BT_PAT_MATCH_STAR:
        return pattern_store(c, pat->match_star.name, pc);
    case BT_PAT_MATCH_AS:
        if (!pat->match_as.pattern)
            return pattern_store(c, pat->match_as.name, pc);
        pc->on_top++; /* a copy to capture once the inner pattern matched */
        EMIT(c, COPY, 1);
        if (!compile_pattern(c, pat->match_as.pattern, pc))
            return false;
        pc->on_top--;
        return pattern_store(c, pat->match_as.name, pc);
    case BT_PAT_MATCH_OR:
        return compile_pattern_or(c, pat, pc);
    case BT_PAT__COUNT:
        break;
    }
    return true;
}

/* One case: match a copy of the subject (the subject itself in the last case), store
 * the captures, test the guard, run the body. */
static bool compile_case(Compiler *c, const BtAstMatchCase *mc, bool keep_subject, int end) {
    PatternContext pc = {0};
    c->u->lineno = mc->pattern->line;
    bool ok = !keep_subject || emit(c, BT_OP_COPY, 1);
    ok = ok && compile_pattern(c, mc->pattern, &pc);
    for (int i = 0; i < pc.nstores && ok; i++)
        ok = compile_nameop(c, pc.stores[i], BT_CTX_STORE);
    if (ok && mc->guard)
        ok = ensure_fail_pop(c, &pc, 0) && compile_jump_if(c, mc->guard, pc.fail_pop[0], false);
    ok = ok && (!keep_subject || emit(c, BT_OP_POP_TOP, 0)) && visit_stmts(c, &mc->body) &&
         emit_jump(c, OP_JUMP, end);
    c->u->lineno = mc->pattern->line;
    ok = ok && emit_fail_pop(c, &pc);
    pattern_context_free(&pc);
    return ok;
}

/* match subject: cases. A last `case _:` needs no pattern code: it is what is left. */
static bool compile_match(Compiler *c, const BtAstStmt *s) {
    const BtAstMatchCaseList *cases = &s->match.cases;
    int n = cases->count;
    bool has_default = n > 1 && is_wildcard(cases->items[n - 1]->pattern);
    NEW_LABEL(c, end);
    if (!visit_expr(c, s->match.subject))
        return false;
    for (int i = 0; i < n - has_default; i++)
        if (!compile_case(c, cases->items[i], i != n - has_default - 1, end))
            return false;
    if (has_default) {
        const BtAstMatchCase *mc = cases->items[n - 1];
        c->u->lineno = mc->pattern->line;
        EMIT0(c, NOP); /* the stepper stops on the `case _:` line */
        if (mc->guard && !compile_jump_if(c, mc->guard, end, false))
            return false;
        if (!visit_stmts(c, &mc->body))
            return false;
    }
    bind_label(c, end);
    return true;
}

static bool visit_stmt(Compiler *c, const BtAstStmt *s) {
    if (!bt_c_stack_ok(c->t, " during compilation"))
        return fail_raised(c);
    c->u->lineno = s->line;
    switch (s->kind) {
    case BT_STMT_FUNCTION_DEF:
    case BT_STMT_ASYNC_FUNCTION_DEF:
        return compile_function_def(c, s);
    case BT_STMT_CLASS_DEF:
        return compile_class_def(c, s);
    case BT_STMT_RETURN:
        return compile_return(c, s);
    case BT_STMT_DELETE:
        for (int i = 0; i < s->delete_.targets.count; i++)
            if (!compile_delete_target(c, s->delete_.targets.items[i]))
                return false;
        return true;
    case BT_STMT_ASSIGN: {
        int n = s->assign.targets.count;
        if (!visit_expr(c, s->assign.value))
            return false;
        for (int i = 0; i < n; i++) {
            c->u->lineno = s->line;
            if (i < n - 1)
                EMIT(c, COPY, 1);
            if (!compile_store(c, s->assign.targets.items[i]))
                return false;
        }
        return true;
    }
    case BT_STMT_AUG_ASSIGN:
        return compile_aug_assign(c, s);
    case BT_STMT_ANN_ASSIGN:
        return compile_ann_assign(c, s);
    case BT_STMT_FOR:
        return compile_for(c, s);
    case BT_STMT_ASYNC_FOR:
        return compile_async_for(c, s);
    case BT_STMT_WHILE:
        return compile_while(c, s);
    case BT_STMT_IF:
        return compile_if(c, s);
    case BT_STMT_WITH:
    case BT_STMT_ASYNC_WITH:
        return compile_with(c, s, 0);
    case BT_STMT_RAISE: {
        int n = 0;
        if (s->raise.exc) {
            if (!visit_expr(c, s->raise.exc))
                return false;
            n = 1;
            if (s->raise.cause) {
                if (!visit_expr(c, s->raise.cause))
                    return false;
                n = 2;
            }
        }
        c->u->lineno = s->line;
        EMIT(c, RAISE_VARARGS, n);
        return true;
    }
    case BT_STMT_TRY:
        if (s->try_.finalbody.count > 0)
            return compile_try_finally(c, s);
        return compile_try_except(c, s);
    case BT_STMT_MATCH:
        return compile_match(c, s);
    case BT_STMT_ASSERT:
        return compile_assert(c, s);
    case BT_STMT_IMPORT:
        return compile_import(c, s);
    case BT_STMT_IMPORT_FROM:
        return compile_import_from(c, s);
    case BT_STMT_GLOBAL:
    case BT_STMT_NONLOCAL:
        return true;
    case BT_STMT_EXPR:
        return compile_expr_stmt(c, s);
    case BT_STMT_PASS:
        EMIT0(c, NOP);
        return true;
    case BT_STMT_BREAK:
        return compile_break_continue(c, s, true);
    case BT_STMT_CONTINUE:
        return compile_break_continue(c, s, false);
    case BT_STMT__COUNT:
        break;
    }
    return true;
}

static bool visit_stmts(Compiler *c, const BtAstStmtList *l) {
    for (int i = 0; i < l->count; i++)
        if (!visit_stmt(c, l->items[i]))
            return false;
    return true;
}

static bool compile_module(Compiler *c, const BtAstModule *mod) {
    if (!enter_unit(c, bt_symtable_top(c->st), "<module>", 1))
        return false;
    Unit *u = c->u;
    if (c->mode == BT_COMPILE_EVAL) {
        if (!mod->expr)
            return compile_error(c, 1, 0, 1, 0, "invalid syntax", "");
        u->lineno = mod->expr->line;
        if (!visit_expr(c, mod->expr))
            return false;
        EMIT0(c, RETURN_VALUE);
        return true;
    }
    const BtAstStmtList *body = &mod->body;
    int first = 0;
    if (c->mode == BT_COMPILE_FILE) {
        const BtAstExpr *doc = docstring_of(body);
        if (doc) {
            BtValue docv;
            u->lineno = doc->line;
            if (!constant_value(c, doc, &docv) || !load_const(c, docv))
                return false;
            EMIT_NAME(c, STORE_NAME, "__doc__");
            first = 1;
        }
    }
    if (has_annotations(body))
        EMIT0(c, SETUP_ANNOTATIONS);
    for (int i = first; i < body->count; i++) {
        BtAstStmtList one = {1, &body->items[i]};
        if (!visit_stmts(c, &one))
            return false;
    }
    if (u->reachable) {
        if (body->count)
            u->lineno = body->items[body->count - 1]->line;
        LOAD_CONST(c, BT_NONE);
        EMIT0(c, RETURN_VALUE);
    }
    return true;
}

BtCode *bt_compile(BtThread *t, const BtAstModule *mod, BtStr *filename, BtCompileMode mode,
                   BtSyntaxError *err) {
    bool oom = false;
    BtSymtable *st = bt_symtable_build(t, mod, mode == BT_COMPILE_EVAL, err, &oom);
    if (!st) {
        if (oom)
            bt_raise_memory(t);
        return NULL;
    }
    Compiler c = {.t = t, .st = st, .err = err, .filename = filename, .mode = mode};
    /* the caller's filename may be held only in a C local: keep it alive too */
    c.keep = bt_obj(filename);
    BT_PUSH_ROOT(t, &c.keep);
    BtList *keep_list = bt_list_with_capacity(t, 16);
    if (!keep_list) {
        BT_POP_ROOT(t, 1);
        bt_symtable_free(st);
        return NULL;
    }
    c.keep = bt_obj(keep_list);
    BtCode *code = NULL;
    if (keep(&c, bt_obj(filename)) && compile_module(&c, mod))
        code = assemble(&c);
    abandon_units(&c);
    BT_POP_ROOT(t, 1);
    bt_symtable_free(st);
    return code;
}

/* ---- source to code, with SyntaxError raised ---------------------------------------------------- */

/* The source line `line` (1-based) with its newline, or NULL when there is none. */
static const char *source_line(const char *src, size_t len, int line, size_t *n) {
    if (!src || line <= 0)
        return NULL;
    size_t i = 0;
    for (int l = 1; l < line; l++) {
        const char *nl = memchr(src + i, '\n', len - i);
        if (!nl)
            return NULL;
        i = (size_t)(nl - src) + 1;
    }
    if (i > len)
        return NULL;
    const char *nl = memchr(src + i, '\n', len - i);
    *n = nl ? (size_t)(nl - src) + 1 - i : len - i;
    return src + i;
}

/* Raise err as SyntaxError (or IndentationError/TabError) with CPython's args:
 * (msg, (filename, lineno, offset, text, end_lineno, end_offset)). */
static void raise_syntax_error(BtThread *t, const BtSyntaxError *err, BtStr *filename,
                               const char *src, size_t len) {
    BtType *type = err->kind == BT_SYNERR_TAB           ? BT_EXC(t, TabError)
                   : err->kind == BT_SYNERR_INDENTATION ? BT_EXC(t, IndentationError)
                                                        : BT_EXC(t, SyntaxError);
    BtValue vals[2] = {BT_UNDEF, BT_UNDEF};
    BtValue text = BT_NONE;
    BT_PUSH_ROOT(t, &vals[0]);
    BT_PUSH_ROOT(t, &vals[1]);
    BT_PUSH_ROOT(t, &text);
    BtStr *msg = bt_str_from_cstr(t, err->message);
    if (!msg)
        goto out;
    vals[0] = bt_obj(msg);
    size_t n = 0;
    const char *line = source_line(src, len, err->line, &n);
    if (line) {
        BtStr *s = bt_str_new(t, line, n);
        if (!s)
            goto out;
        text = bt_obj(s);
    }
    BtTuple *details = bt_tuple_new(t, 6);
    if (!details)
        goto out;
    details->items[0] = filename ? bt_obj(filename) : BT_NONE;
    details->items[1] = bt_int(err->line);
    details->items[2] = bt_int(err->col);
    details->items[3] = text;
    details->items[4] = bt_int(err->end_line);
    details->items[5] = bt_int(err->end_col);
    vals[1] = bt_obj(details);
    BtValue exc = bt_exc_new(t, type, vals, 2);
    if (!bt_is_undef(exc))
        bt_raise_value(t, exc);
out:
    BT_POP_ROOT(t, 3);
}

BtCode *bt_compile_source(BtThread *t, const char *src, size_t len, BtStr *filename,
                          BtCompileMode mode) {
    BtArena *arena = bt_arena_new();
    if (!arena) {
        bt_raise_memory(t);
        return NULL;
    }
    BtSyntaxError err;
    memset(&err, 0, sizeof err);
    BtParseMode pmode = mode == BT_COMPILE_EVAL          ? BT_PARSE_EVAL
                        : mode == BT_COMPILE_INTERACTIVE ? BT_PARSE_INTERACTIVE
                                                         : BT_PARSE_FILE;
    BtAstModule *mod = bt_parse(arena, src, len, pmode, &err);
    BtCode *code = NULL;
    if (!mod) {
        raise_syntax_error(t, &err, filename, src, len);
    } else {
        BtValue fname = bt_obj(filename);
        BT_PUSH_ROOT(t, &fname);
        code = bt_compile(t, mod, filename, mode, &err);
        if (!code && !bt_has_exc(t))
            raise_syntax_error(t, &err, filename, src, len);
        BT_POP_ROOT(t, 1);
    }
    bt_arena_free(arena);
    return code;
}
