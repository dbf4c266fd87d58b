/* ast.h: the syntax tree the parser builds and the compiler walks (parser stage;
 * see parser/README.md).
 *
 * The node kinds and field names mirror CPython 3.11's Parser/Python.asdl for the
 * subset Baton runs, so `python3 -c "import ast; print(ast.dump(ast.parse(src)))"`
 * is a faithful guide to what the parser produces. Every node lives in a BtArena
 * and is freed with it; nothing in a tree is freed on its own.
 */
#ifndef BT_AST_H
#define BT_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- The arena ---------------------------------------------------------------------------
 * Big chunks, bump allocation, everything freed at once by bt_arena_free. */

typedef struct BtArena BtArena;

/* A new empty arena, or NULL when out of memory. */
BtArena *bt_arena_new(void);
/* Free the arena and every node, string and list allocated in it. NULL is fine. */
void bt_arena_free(BtArena *arena);
/* n zeroed bytes aligned for any scalar type; NULL when out of memory. */
void *bt_arena_alloc(BtArena *arena, size_t n);
/* A NUL-terminated copy of s[0..n) (s may contain NUL bytes); NULL when out of memory. */
char *bt_arena_strdup(BtArena *arena, const char *s, size_t n);
/* Bytes handed out so far (for tests and the benchmark). */
size_t bt_arena_used(const BtArena *arena);

/* ---- Node kinds: the one list of each ------------------------------------------------------
 * X(ENUM_SUFFIX, "AsdlName"): the enum below and the printer's names are generated
 * from these lists, so a new node kind is one line here (plus its union member). */

#define BT_AST_STMT_KINDS(X)                                                                       \
    X(FUNCTION_DEF, "FunctionDef")                                                                 \
    X(CLASS_DEF, "ClassDef")                                                                       \
    X(RETURN, "Return")                                                                            \
    X(DELETE, "Delete")                                                                            \
    X(ASSIGN, "Assign")                                                                            \
    X(AUG_ASSIGN, "AugAssign")                                                                     \
    X(ANN_ASSIGN, "AnnAssign")                                                                     \
    X(FOR, "For")                                                                                  \
    X(WHILE, "While")                                                                              \
    X(IF, "If")                                                                                    \
    X(WITH, "With")                                                                                \
    X(RAISE, "Raise")                                                                              \
    X(TRY, "Try")                                                                                  \
    X(MATCH, "Match")                                                                              \
    X(ASSERT, "Assert")                                                                            \
    X(IMPORT, "Import")                                                                            \
    X(IMPORT_FROM, "ImportFrom")                                                                   \
    X(GLOBAL, "Global")                                                                            \
    X(NONLOCAL, "Nonlocal")                                                                        \
    X(EXPR, "Expr")                                                                                \
    X(PASS, "Pass")                                                                                \
    X(BREAK, "Break")                                                                              \
    X(CONTINUE, "Continue")                                                                        \
    X(ASYNC_FUNCTION_DEF, "AsyncFunctionDef")                                                      \
    X(ASYNC_FOR, "AsyncFor")                                                                       \
    X(ASYNC_WITH, "AsyncWith")

#define BT_AST_EXPR_KINDS(X)                                                                       \
    X(BOOL_OP, "BoolOp")                                                                           \
    X(NAMED_EXPR, "NamedExpr")                                                                     \
    X(BIN_OP, "BinOp")                                                                             \
    X(UNARY_OP, "UnaryOp")                                                                         \
    X(LAMBDA, "Lambda")                                                                            \
    X(IF_EXP, "IfExp")                                                                             \
    X(DICT, "Dict")                                                                                \
    X(SET, "Set")                                                                                  \
    X(LIST_COMP, "ListComp")                                                                       \
    X(SET_COMP, "SetComp")                                                                         \
    X(DICT_COMP, "DictComp")                                                                       \
    X(GENERATOR_EXP, "GeneratorExp")                                                               \
    X(YIELD, "Yield")                                                                              \
    X(YIELD_FROM, "YieldFrom")                                                                     \
    X(AWAIT, "Await")                                                                              \
    X(COMPARE, "Compare")                                                                          \
    X(CALL, "Call")                                                                                \
    X(FORMATTED_VALUE, "FormattedValue")                                                           \
    X(JOINED_STR, "JoinedStr")                                                                     \
    X(CONSTANT, "Constant")                                                                        \
    X(ATTRIBUTE, "Attribute")                                                                      \
    X(SUBSCRIPT, "Subscript")                                                                      \
    X(STARRED, "Starred")                                                                          \
    X(NAME, "Name")                                                                                \
    X(LIST, "List")                                                                                \
    X(TUPLE, "Tuple")                                                                              \
    X(SLICE, "Slice")

/* The patterns of a match statement's cases (PEP 634). */
#define BT_AST_PATTERN_KINDS(X)                                                                    \
    X(MATCH_VALUE, "MatchValue")                                                                   \
    X(MATCH_SINGLETON, "MatchSingleton")                                                           \
    X(MATCH_SEQUENCE, "MatchSequence")                                                             \
    X(MATCH_MAPPING, "MatchMapping")                                                               \
    X(MATCH_CLASS, "MatchClass")                                                                   \
    X(MATCH_STAR, "MatchStar")                                                                     \
    X(MATCH_AS, "MatchAs")                                                                         \
    X(MATCH_OR, "MatchOr")

/* Binary operators: X(ENUM_SUFFIX, "AsdlName", "spelling"). */
#define BT_AST_OPERATORS(X)                                                                        \
    X(ADD, "Add", "+")                                                                             \
    X(SUB, "Sub", "-")                                                                             \
    X(MULT, "Mult", "*")                                                                           \
    X(MAT_MULT, "MatMult", "@")                                                                    \
    X(DIV, "Div", "/")                                                                             \
    X(MOD, "Mod", "%")                                                                             \
    X(POW, "Pow", "**")                                                                            \
    X(LSHIFT, "LShift", "<<")                                                                      \
    X(RSHIFT, "RShift", ">>")                                                                      \
    X(BIT_OR, "BitOr", "|")                                                                        \
    X(BIT_XOR, "BitXor", "^")                                                                      \
    X(BIT_AND, "BitAnd", "&")                                                                      \
    X(FLOOR_DIV, "FloorDiv", "//")

#define BT_AST_UNARY_OPS(X)                                                                        \
    X(INVERT, "Invert", "~")                                                                       \
    X(NOT, "Not", "not")                                                                           \
    X(UADD, "UAdd", "+")                                                                           \
    X(USUB, "USub", "-")

#define BT_AST_CMP_OPS(X)                                                                          \
    X(EQ, "Eq", "==")                                                                              \
    X(NOT_EQ, "NotEq", "!=")                                                                       \
    X(LT, "Lt", "<")                                                                               \
    X(LT_E, "LtE", "<=")                                                                           \
    X(GT, "Gt", ">")                                                                               \
    X(GT_E, "GtE", ">=")                                                                           \
    X(IS, "Is", "is")                                                                              \
    X(IS_NOT, "IsNot", "is not")                                                                   \
    X(IN, "In", "in")                                                                              \
    X(NOT_IN, "NotIn", "not in")

typedef enum {
#define BT_AST_ENUM_(name, asdl) BT_STMT_##name,
    BT_AST_STMT_KINDS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_STMT__COUNT
} BtAstStmtKind;

typedef enum {
#define BT_AST_ENUM_(name, asdl) BT_EXPR_##name,
    BT_AST_EXPR_KINDS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_EXPR__COUNT
} BtAstExprKind;

typedef enum {
#define BT_AST_ENUM_(name, asdl) BT_PAT_##name,
    BT_AST_PATTERN_KINDS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_PAT__COUNT
} BtAstPatternKind;

typedef enum {
#define BT_AST_ENUM_(name, asdl, spelling) BT_OP_##name,
    BT_AST_OPERATORS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_OP__COUNT
} BtAstOperator;

typedef enum {
#define BT_AST_ENUM_(name, asdl, spelling) BT_UNARY_##name,
    BT_AST_UNARY_OPS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_UNARY__COUNT
} BtAstUnaryOp;

typedef enum {
#define BT_AST_ENUM_(name, asdl, spelling) BT_CMP_##name,
    BT_AST_CMP_OPS(BT_AST_ENUM_)
#undef BT_AST_ENUM_
    BT_CMP__COUNT
} BtAstCmpOp;

typedef enum { BT_BOOL_AND, BT_BOOL_OR } BtAstBoolOp;

/* Where a Name/Attribute/Subscript/Starred/List/Tuple is used. */
typedef enum { BT_CTX_LOAD, BT_CTX_STORE, BT_CTX_DEL } BtAstExprContext;

/* ---- Lists ------------------------------------------------------------------------------------
 * Every list is a (count, items) pair; items is NULL when count is 0. */

typedef struct BtAstExpr BtAstExpr;
typedef struct BtAstStmt BtAstStmt;

typedef struct { int count; BtAstExpr **items; } BtAstExprList;
typedef struct { int count; BtAstStmt **items; } BtAstStmtList;
typedef struct { int count; const char **items; } BtAstNameList; /* identifiers */

/* ---- Helper nodes ------------------------------------------------------------------------- */

/* Source span shared by every node: lines 1-based, columns 0-based byte offsets,
 * end is one past the last byte (CPython's lineno/col_offset/end_*). */
#define BT_AST_SPAN_FIELDS int line, col, end_line, end_col

/* One parameter of a def or lambda. */
typedef struct {
    BT_AST_SPAN_FIELDS;
    const char *arg;        /* the parameter's name */
    BtAstExpr *annotation;  /* `x: T`'s T, or NULL */
} BtAstArg;

typedef struct { int count; BtAstArg **items; } BtAstArgList;

/* The parameter list of a def or lambda: def f(a, b=1, /, c=2, *args, d, e=3, **kw). */
typedef struct {
    BtAstArgList posonlyargs; /* before a `/` */
    BtAstArgList args;        /* ordinary positional-or-keyword parameters */
    BtAstArg *vararg;         /* *args, or NULL */
    BtAstArgList kwonlyargs;  /* after * or *args */
    BtAstExprList kw_defaults;/* one per kwonlyargs entry; NULL item = no default */
    BtAstArg *kwarg;          /* **kwargs, or NULL */
    BtAstExprList defaults;   /* defaults of the LAST defaults.count of posonlyargs+args */
} BtAstArguments;

/* `name=value` in a call or class header; arg is NULL for `**value`. */
typedef struct {
    BT_AST_SPAN_FIELDS;
    const char *arg;
    BtAstExpr *value;
} BtAstKeyword;

typedef struct { int count; BtAstKeyword **items; } BtAstKeywordList;

/* `import name as asname` / `from m import name as asname`; name may be dotted
 * ("os.path") or "*"; asname is NULL without `as`. */
typedef struct {
    BT_AST_SPAN_FIELDS;
    const char *name;
    const char *asname;
} BtAstAlias;

typedef struct { int count; BtAstAlias **items; } BtAstAliasList;

/* One `for target in iter if ifs...` clause of a comprehension. */
typedef struct {
    BtAstExpr *target;  /* store context */
    BtAstExpr *iter;
    BtAstExprList ifs;
    int is_async;       /* `async for` clause (compiled only as "not supported by Baton") */
} BtAstComprehension;

typedef struct { int count; BtAstComprehension **items; } BtAstComprehensionList;

/* `except type as name: body`; type is NULL for a bare except, name NULL without `as`. */
typedef struct {
    BT_AST_SPAN_FIELDS;
    BtAstExpr *type;
    const char *name;
    BtAstStmtList body;
} BtAstExceptHandler;

typedef struct { int count; BtAstExceptHandler **items; } BtAstExceptHandlerList;

/* `with context_expr as optional_vars`; optional_vars is NULL without `as`. */
typedef struct {
    BtAstExpr *context_expr;
    BtAstExpr *optional_vars; /* store context */
} BtAstWithItem;

typedef struct { int count; BtAstWithItem **items; } BtAstWithItemList;

/* ---- Constants ----------------------------------------------------------------------------- */

typedef enum {
    BT_CONST_NONE,
    BT_CONST_TRUE,
    BT_CONST_FALSE,
    BT_CONST_ELLIPSIS,
    BT_CONST_INT,
    BT_CONST_FLOAT,
    BT_CONST_STR,
    BT_CONST_BYTES,
} BtAstConstKind;

/* A literal's value, already decoded (escapes processed, underscores dropped). */
typedef struct {
    BtAstConstKind kind;
    int64_t i;          /* INT: the value when it fits in int64 (literals are never negative) */
    bool big;           /* INT: true when it does not fit; then i is 0 and digits holds it */
    const char *digits; /* INT: the literal without underscores, prefix kept ("0xffff..."),
                           set for every INT so a big-int VM can re-read it */
    double f;           /* FLOAT: the value (strtod of the literal without underscores) */
    const char *s;      /* STR: UTF-8 bytes; BYTES: raw bytes. NUL-terminated, but may also
                           contain NUL bytes: use len */
    size_t len;         /* STR/BYTES: length in bytes */
} BtAstConstant;

/* ---- Expressions --------------------------------------------------------------------------- */

struct BtAstExpr {
    BtAstExprKind kind;
    BT_AST_SPAN_FIELDS;
    bool parenthesized; /* written inside its own (...): only error messages care */
    union {
        /* a and b and c: values has 2 or more items */
        struct { BtAstBoolOp op; BtAstExprList values; } bool_op;
        /* target := value; target is a Name (store) */
        struct { BtAstExpr *target; BtAstExpr *value; } named_expr;
        struct { BtAstExpr *left; BtAstOperator op; BtAstExpr *right; } bin_op;
        struct { BtAstUnaryOp op; BtAstExpr *operand; } unary_op;
        /* lambda args: body */
        struct { BtAstArguments *args; BtAstExpr *body; } lambda;
        /* body if test else orelse */
        struct { BtAstExpr *test; BtAstExpr *body; BtAstExpr *orelse; } if_exp;
        /* {k: v, **m}: keys.count == values.count; a NULL key means `**values[i]` */
        struct { BtAstExprList keys; BtAstExprList values; } dict;
        struct { BtAstExprList elts; } set;
        /* [elt for ...], {elt for ...}, (elt for ...): generators has 1 or more items */
        struct { BtAstExpr *elt; BtAstComprehensionList generators; } list_comp, set_comp,
            generator_exp;
        struct { BtAstExpr *key; BtAstExpr *value; BtAstComprehensionList generators; } dict_comp;
        /* yield [value] (value NULL for a bare yield); yield from value */
        struct { BtAstExpr *value; } yield, yield_from;
        /* await value */
        struct { BtAstExpr *value; } await_;
        /* left ops[0] comparators[0] ops[1] comparators[1] ...: ops.count == comparators.count */
        struct { BtAstExpr *left; int count; BtAstCmpOp *ops; BtAstExpr **comparators; } compare;
        /* func(args..., keywords...); *x is a Starred in args, **m a keyword with arg NULL */
        struct { BtAstExpr *func; BtAstExprList args; BtAstKeywordList keywords; } call;
        /* {value!conversion:format_spec} inside an f-string. conversion is -1 (none) or
           's', 'r', 'a'; format_spec is a JoinedStr or NULL */
        struct { BtAstExpr *value; int conversion; BtAstExpr *format_spec; } formatted_value;
        /* f"..": values are Constant (str) and FormattedValue nodes */
        struct { BtAstExprList values; } joined_str;
        BtAstConstant constant;
        /* value.attr */
        struct { BtAstExpr *value; const char *attr; BtAstExprContext ctx; } attribute;
        /* value[slice]; slice is a Slice node for a:b:c, a Tuple for a, b */
        struct { BtAstExpr *value; BtAstExpr *slice; BtAstExprContext ctx; } subscript;
        /* *value in a display, call or assignment target */
        struct { BtAstExpr *value; BtAstExprContext ctx; } starred;
        struct { const char *id; BtAstExprContext ctx; } name;
        struct { BtAstExprList elts; BtAstExprContext ctx; } list, tuple;
        /* lower:upper:step, each possibly NULL (only directly inside a Subscript) */
        struct { BtAstExpr *lower; BtAstExpr *upper; BtAstExpr *step; } slice;
    };
};

/* ---- Patterns (the `case` clauses of a match statement) ------------------------------------ */

typedef struct BtAstPattern BtAstPattern;
typedef struct { int count; BtAstPattern **items; } BtAstPatternList;

struct BtAstPattern {
    BtAstPatternKind kind;
    BT_AST_SPAN_FIELDS;
    union {
        /* `1`, `-1`, `"s"`, `Color.RED`: value is a Constant, a USub of a number
           Constant, or an Attribute; compared with == */
        struct { BtAstExpr *value; } match_value;
        /* None, True or False (BT_CONST_NONE/TRUE/FALSE): compared with `is` */
        struct { BtAstConstKind value; } match_singleton;
        /* [a, *rest] or (a, b); at most one item is a MatchStar */
        struct { BtAstPatternList patterns; } match_sequence;
        /* {key: pattern, **rest}: keys.count == patterns.count; keys are Constants,
           USub Constants or Attributes; rest is NULL without `**rest` */
        struct { BtAstExprList keys; BtAstPatternList patterns; const char *rest; } match_mapping;
        /* cls(patterns..., kwd_attrs[0]=kwd_patterns[0], ...); cls is a Name or Attribute */
        struct {
            BtAstExpr *cls;
            BtAstPatternList patterns;
            BtAstNameList kwd_attrs;
            BtAstPatternList kwd_patterns;
        } match_class;
        /* *name inside a sequence pattern; name NULL for `*_` */
        struct { const char *name; } match_star;
        /* `pattern as name`; pattern NULL for a capture `name`; both NULL for `_` */
        struct { BtAstPattern *pattern; const char *name; } match_as;
        /* p1 | p2 | ...: two or more alternatives */
        struct { BtAstPatternList patterns; } match_or;
    };
};

/* `case pattern if guard: body`; guard is NULL without `if`. */
typedef struct {
    BtAstPattern *pattern;
    BtAstExpr *guard;
    BtAstStmtList body;
} BtAstMatchCase;

typedef struct { int count; BtAstMatchCase **items; } BtAstMatchCaseList;

/* ---- Statements ----------------------------------------------------------------------------- */

struct BtAstStmt {
    BtAstStmtKind kind;
    BT_AST_SPAN_FIELDS; /* the whole statement, decorators excluded (as in CPython) */
    union {
        /* @decorator_list def name(args) -> returns: body; returns is NULL without ->.
           The async forms share their plain form's fields: AsyncFunctionDef uses
           function_def, AsyncFor for_, AsyncWith with. */
        struct {
            const char *name;
            BtAstArguments *args;
            BtAstStmtList body;
            BtAstExprList decorator_list;
            BtAstExpr *returns;
        } function_def;
        /* @decorator_list class name(bases, keywords): body */
        struct {
            const char *name;
            BtAstExprList bases;
            BtAstKeywordList keywords;
            BtAstStmtList body;
            BtAstExprList decorator_list;
        } class_def;
        /* return [value]; value NULL for a bare return */
        struct { BtAstExpr *value; } return_;
        /* del targets (each in del context) */
        struct { BtAstExprList targets; } delete_;
        /* targets[0] = targets[1] = ... = value (x = y = 1 has two targets) */
        struct { BtAstExprList targets; BtAstExpr *value; } assign;
        /* target op= value */
        struct { BtAstExpr *target; BtAstOperator op; BtAstExpr *value; } aug_assign;
        /* target: annotation [= value]; simple is 1 when target is a plain, unparenthesized
           Name; value is NULL without `=` */
        struct {
            BtAstExpr *target;
            BtAstExpr *annotation;
            BtAstExpr *value;
            int simple;
        } ann_assign;
        /* for target in iter: body else: orelse */
        struct {
            BtAstExpr *target;
            BtAstExpr *iter;
            BtAstStmtList body;
            BtAstStmtList orelse;
        } for_;
        /* while test: body else: orelse */
        struct { BtAstExpr *test; BtAstStmtList body; BtAstStmtList orelse; } while_;
        /* if test: body else: orelse; elif is an If alone in orelse (as in CPython) */
        struct { BtAstExpr *test; BtAstStmtList body; BtAstStmtList orelse; } if_;
        struct { BtAstWithItemList items; BtAstStmtList body; } with;
        /* raise [exc [from cause]]; both NULL for a bare re-raise */
        struct { BtAstExpr *exc; BtAstExpr *cause; } raise;
        struct {
            BtAstStmtList body;
            BtAstExceptHandlerList handlers;
            BtAstStmtList orelse;
            BtAstStmtList finalbody;
        } try_;
        /* match subject: cases (one or more) */
        struct { BtAstExpr *subject; BtAstMatchCaseList cases; } match;
        /* assert test[, msg]; msg NULL without it */
        struct { BtAstExpr *test; BtAstExpr *msg; } assert_;
        struct { BtAstAliasList names; } import;
        /* from [.*level]module import names; module NULL for `from . import x` */
        struct { const char *module; BtAstAliasList names; int level; } import_from;
        struct { BtAstNameList names; } global, nonlocal;
        /* an expression evaluated for its effect (a call, a yield, ...) */
        struct { BtAstExpr *value; } expr;
        /* Pass, Break and Continue have no fields */
    };
};

/* ---- The tree's root ----------------------------------------------------------------------- */

struct BtAstModule {
    BtAstStmtList body; /* FILE/INTERACTIVE: the statements */
    BtAstExpr *expr;    /* EVAL mode: the expression (body is then empty) */
};
typedef struct BtAstModule BtAstModule;

/* Printer names: "FunctionDef", "BinOp", "Add", "+", ... (never NULL for a valid kind). */
const char *bt_ast_stmt_name(BtAstStmtKind kind);
const char *bt_ast_expr_name(BtAstExprKind kind);
const char *bt_ast_pattern_name(BtAstPatternKind kind);
const char *bt_ast_operator_name(BtAstOperator op);
const char *bt_ast_operator_spelling(BtAstOperator op);
const char *bt_ast_unary_name(BtAstUnaryOp op);
const char *bt_ast_cmp_name(BtAstCmpOp op);
const char *bt_ast_cmp_spelling(BtAstCmpOp op);

#endif
