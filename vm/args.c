/* args.c: argument checking for native functions (vm stage; see func.h).
 *
 * Native functions receive their arguments as a vector (positional values,
 * then keyword values named by kwnames). These helpers match them to
 * parameters and produce CPython's TypeError texts, so each builtin does not
 * hand-roll its own checks.
 */
#include <string.h>

#include "vm/exc.h"
#include "vm/func.h"
#include "vm/list.h"
#include "vm/str.h"

bool bt_check_args(BtThread *t, const char *name, int nargs, BtTuple *kwnames, int min, int max) {
    if (kwnames && kwnames->len > 0) {
        bt_raise(t, BT_EXC(t, TypeError), "%s() takes no keyword arguments", name);
        return false;
    }
    if (nargs >= min && nargs <= max)
        return true;
    if (min == max) {
        if (min == 0)
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes no arguments (%d given)", name, nargs);
        else if (min == 1)
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes exactly one argument (%d given)", name,
                     nargs);
        else
            bt_raise(t, BT_EXC(t, TypeError), "%s expected %d arguments, got %d", name, min,
                     nargs);
    } else if (nargs < min) {
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at least %d argument%s, got %d", name, min,
                 min == 1 ? "" : "s", nargs);
    } else {
        bt_raise(t, BT_EXC(t, TypeError), "%s expected at most %d argument%s, got %d", name, max,
                 max == 1 ? "" : "s", nargs);
    }
    return false;
}

/* The bare parameter name: without its '$' or '|' marker. */
static const char *param_name(const char *p) {
    while (*p == '$' || *p == '|')
        p++;
    return p;
}

bool bt_parse_args(BtThread *t, const char *fname, BtValue *args, int nargs, BtTuple *kwnames,
                   const char *const *params, BtValue *out) {
    /* '|' before a name: it and all later parameters are optional;
     * '$' before a name: it and all later parameters are keyword-only. */
    int nparams = 0, npositional = 0, nrequired = -1;
    bool kwonly = false;
    for (; params[nparams]; nparams++) {
        for (const char *p = params[nparams]; *p == '$' || *p == '|'; p++) {
            if (*p == '|' && nrequired < 0)
                nrequired = nparams;
            if (*p == '$')
                kwonly = true;
        }
        if (!kwonly)
            npositional++;
        out[nparams] = BT_UNDEF;
    }
    if (nrequired < 0)
        nrequired = nparams;
    if (nargs > npositional) {
        if (npositional == 0)
            bt_raise(t, BT_EXC(t, TypeError), "%s() takes no positional arguments", fname);
        else
            bt_raise(t, BT_EXC(t, TypeError),
                     "%s() takes at most %d positional argument%s (%d given)", fname, npositional,
                     npositional == 1 ? "" : "s", nargs);
        return false;
    }
    for (int i = 0; i < nargs; i++)
        out[i] = args[i];
    int nkw = kwnames ? (int)kwnames->len : 0;
    for (int k = 0; k < nkw; k++) {
        BtStr *kw = bt_as_str(kwnames->items[k]);
        int found = -1;
        for (int i = 0; i < nparams; i++)
            if (strcmp(param_name(params[i]), kw->data) == 0) {
                found = i;
                break;
            }
        if (found < 0) {
            bt_raise(t, BT_EXC(t, TypeError), "'%S' is an invalid keyword argument for %s()", kw,
                     fname);
            return false;
        }
        if (!bt_is_undef(out[found])) {
            bt_raise(t, BT_EXC(t, TypeError),
                     "argument for %s() given by name ('%S') and position (%d)", fname, kw,
                     found + 1);
            return false;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < nrequired; i++)
        if (bt_is_undef(out[i])) {
            bt_raise(t, BT_EXC(t, TypeError), "%s() missing required argument '%s' (pos %d)",
                     fname, param_name(params[i]), i + 1);
            return false;
        }
    return true;
}
