/* mod_unicodedata.c: category() and east_asian_width() of one character, and
 * unidata_version (stdlib stage; see stdlib/README.md).
 *
 * The tables are vm/unicode_props.h, generated from CPython 3.11's own
 * unicodedata, so both answers agree with it for every code point. Names,
 * decompositions and numeric values are not here (see README.md's known
 * differences).
 */
#include "stdlib/modules.h"
#include "vm/dict.h"
#include "vm/exc.h"
#include "vm/gc.h"
#include "vm/list.h"
#include "vm/str.h"
#include "vm/strformat.h"
#include "vm/unicode_props.h"

/* The value index of cp: the last run starting at or before it (runs[0] starts at 0). */
static uint8_t prop_lookup(const BtUcPropRun *runs, size_t n, uint32_t cp) {
    size_t lo = 0, hi = n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (runs[mid].start <= cp)
            lo = mid;
        else
            hi = mid;
    }
    return runs[lo].value;
}

/* The code point of the one argument, with CPython's errors; false raised. */
static bool one_char(BtThread *t, const char *fname, BtValue *args, int nargs, BtTuple *kwnames,
                     uint32_t *out) {
    if (kwnames && kwnames->len) {
        bt_raise(t, BT_EXC(t, TypeError), "unicodedata.%s() takes no keyword arguments", fname);
        return false;
    }
    if (nargs != 1) {
        bt_raise(t, BT_EXC(t, TypeError), "unicodedata.%s() takes exactly one argument (%d given)",
                 fname, nargs);
        return false;
    }
    if (!bt_is_str(t, args[0]) || bt_as_str(args[0])->length != 1) {
        /* CPython's argument-clinic wording, where None is named as itself. */
        bt_raise(t, BT_EXC(t, TypeError), "%s() argument must be a unicode character, not %s",
                 fname, bt_is_none(args[0]) ? "None" : bt_type_name(t, args[0]));
        return false;
    }
    const char *p = bt_as_str(args[0])->data;
    *out = bt_utf8_next(&p);
    return true;
}

/* One function per property: X(python name, table prefix). */
#define UNICODEDATA_PROPS(X)                                                                       \
    X(category, bt_uc_category)                                                                    \
    X(east_asian_width, bt_uc_east_asian_width)

#define UNICODEDATA_DEFINE(name, table)                                                            \
    static BtValue unicodedata_##name(BtThread *t, BtValue self, BtValue *args, int nargs,         \
                                      BtTuple *kwnames) {                                          \
        (void)self;                                                                                \
        uint32_t cp;                                                                               \
        if (!one_char(t, #name, args, nargs, kwnames, &cp))                                        \
            return BT_UNDEF;                                                                       \
        uint8_t v = prop_lookup(table##_runs, sizeof table##_runs / sizeof table##_runs[0], cp);   \
        BtStr *s = bt_str_intern_cstr(t, table##_names[v]);                                        \
        return s ? bt_obj(s) : BT_UNDEF;                                                           \
    }
UNICODEDATA_PROPS(UNICODEDATA_DEFINE)
#undef UNICODEDATA_DEFINE

static const BtNativeDef unicodedata_functions[] = {
#define UNICODEDATA_ENTRY(name, table) {#name, unicodedata_##name},
    UNICODEDATA_PROPS(UNICODEDATA_ENTRY)
#undef UNICODEDATA_ENTRY
    {NULL, NULL},
};

BtModule *bt_mod_unicodedata_create(BtThread *t) {
    BtStr *name = bt_str_intern_cstr(t, "unicodedata");
    BtModule *m = name ? bt_module_new(t, name) : NULL;
    if (!m)
        return NULL;
    BtValue mv = bt_obj(m);
    BT_PUSH_ROOT(t, &mv);
    bool ok = bt_module_add_functions(t, m, unicodedata_functions);
    BtStr *key = ok ? bt_str_intern_cstr(t, "unidata_version") : NULL;
    BtValue kv = key ? bt_obj(key) : BT_NONE;
    BT_PUSH_ROOT(t, &kv);
    BtStr *version = key ? bt_str_from_cstr(t, BT_UC_UNIDATA_VERSION) : NULL;
    BtValue vv = version ? bt_obj(version) : BT_NONE;
    BT_PUSH_ROOT(t, &vv);
    ok = version && bt_dict_set_str(t, m->dict, key, vv);
    BT_POP_ROOT(t, 3);
    return ok ? m : NULL;
}
