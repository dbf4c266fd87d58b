/* ast.c: the arena that holds a syntax tree, and the node-kind names (parser stage;
 * see parser/README.md).
 *
 * The arena hands out memory from big chunks by bumping a pointer; a tree is freed
 * in one go with its arena, so the parser never frees a node on an error path.
 */
#include <stdlib.h>
#include <string.h>

#include "parser/ast.h"

#define ARENA_CHUNK (64 * 1024)
#define ARENA_ALIGN 16

typedef struct Chunk {
    struct Chunk *next; /* the chunk allocated before this one */
    size_t size;        /* usable bytes in data */
    size_t used;        /* bytes handed out from data */
    _Alignas(ARENA_ALIGN) unsigned char data[];
} Chunk;

struct BtArena {
    Chunk *head;  /* the chunk being filled; older chunks follow its next links */
    size_t total; /* bytes handed out over the arena's life */
};

BtArena *bt_arena_new(void) {
    return calloc(1, sizeof(BtArena));
}

void bt_arena_free(BtArena *arena) {
    if (!arena)
        return;
    for (Chunk *c = arena->head; c;) {
        Chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

void *bt_arena_alloc(BtArena *arena, size_t n) {
    n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    if (n == 0)
        n = ARENA_ALIGN;
    Chunk *c = arena->head;
    if (!c || c->size - c->used < n) {
        /* An oversized request gets a chunk of its own, so a big list never
           wastes the rest of a half-used chunk. */
        size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
        Chunk *fresh = malloc(sizeof(Chunk) + size);
        if (!fresh)
            return NULL;
        fresh->size = size;
        fresh->used = 0;
        if (size == n && c) {
            fresh->next = c->next;
            c->next = fresh;
        } else {
            fresh->next = c;
            arena->head = fresh;
        }
        c = fresh;
    }
    void *p = c->data + c->used;
    c->used += n;
    arena->total += n;
    memset(p, 0, n);
    return p;
}

char *bt_arena_strdup(BtArena *arena, const char *s, size_t n) {
    char *p = bt_arena_alloc(arena, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

size_t bt_arena_used(const BtArena *arena) {
    return arena->total;
}

static const char *const STMT_NAMES[] = {
#define NAME_(name, asdl) asdl,
    BT_AST_STMT_KINDS(NAME_)
#undef NAME_
};

static const char *const EXPR_NAMES[] = {
#define NAME_(name, asdl) asdl,
    BT_AST_EXPR_KINDS(NAME_)
#undef NAME_
};

static const char *const PATTERN_NAMES[] = {
#define NAME_(name, asdl) asdl,
    BT_AST_PATTERN_KINDS(NAME_)
#undef NAME_
};

static const char *const OP_NAMES[] = {
#define NAME_(name, asdl, spelling) asdl,
    BT_AST_OPERATORS(NAME_)
#undef NAME_
};

static const char *const OP_SPELLINGS[] = {
#define NAME_(name, asdl, spelling) spelling,
    BT_AST_OPERATORS(NAME_)
#undef NAME_
};

static const char *const UNARY_NAMES[] = {
#define NAME_(name, asdl, spelling) asdl,
    BT_AST_UNARY_OPS(NAME_)
#undef NAME_
};

static const char *const CMP_NAMES[] = {
#define NAME_(name, asdl, spelling) asdl,
    BT_AST_CMP_OPS(NAME_)
#undef NAME_
};

static const char *const CMP_SPELLINGS[] = {
#define NAME_(name, asdl, spelling) spelling,
    BT_AST_CMP_OPS(NAME_)
#undef NAME_
};

#define LOOKUP_(table, i) ((unsigned)(i) < sizeof table / sizeof table[0] ? table[i] : "?")

const char *bt_ast_stmt_name(BtAstStmtKind kind) { return LOOKUP_(STMT_NAMES, kind); }
const char *bt_ast_expr_name(BtAstExprKind kind) { return LOOKUP_(EXPR_NAMES, kind); }
const char *bt_ast_pattern_name(BtAstPatternKind kind) { return LOOKUP_(PATTERN_NAMES, kind); }
const char *bt_ast_operator_name(BtAstOperator op) { return LOOKUP_(OP_NAMES, op); }
const char *bt_ast_operator_spelling(BtAstOperator op) { return LOOKUP_(OP_SPELLINGS, op); }
const char *bt_ast_unary_name(BtAstUnaryOp op) { return LOOKUP_(UNARY_NAMES, op); }
const char *bt_ast_cmp_name(BtAstCmpOp op) { return LOOKUP_(CMP_NAMES, op); }
const char *bt_ast_cmp_spelling(BtAstCmpOp op) { return LOOKUP_(CMP_SPELLINGS, op); }
