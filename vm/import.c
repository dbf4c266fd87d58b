/* import.c: finding, running and caching modules and packages (vm stage;
 * see import.h and vm/README.md, "Import and packages").
 *
 * A dotted name a.b.c is imported one part at a time, each parent first
 * (find_and_load): sys.modules, else for a top-level name the native modules
 * stdlib/ registered and then the folders beside the main script, BATONPATH
 * and stdlib/lib; for a submodule, the folders in its parent's __path__.
 * In one folder, NAME/__init__.py (a package) beats NAME.py, which beats a
 * bare folder NAME; bare folders found in any of the folders searched make
 * a namespace package only when no package or module turned up. A source
 * module is put in sys.modules before its body runs, so a circular import
 * gets the partly initialised module, as in CPython; if the body raises, it
 * is taken out again. Afterwards the module is set as an attribute of its
 * parent. Relative names are resolved from the importing module's
 * __package__ (resolve_name), and a from-import of a package imports the
 * submodules its names stand for (handle_fromlist). The sequence and the
 * messages follow CPython 3.11's importlib._bootstrap, written anew here;
 * there are no finders, loaders or specs (modules have no __spec__).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "vm/compile.h"
#include "vm/dict.h"
#include "vm/eval.h"
#include "vm/exc.h"
#include "vm/import.h"
#include "vm/list.h"
#include "vm/str.h"

BtValue bt_run_module_code(BtThread *t, BtCode *code, BtModule *m) {
    return bt_eval_module_code(t, code, m->dict);
}

/* Read a whole file into a malloc'ed buffer; NULL if it cannot be read. */
static char *read_source(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

const char *bt_import_lib_dir(void) {
    static const char *const candidates[] = {BT_LIB_SOURCE_DIR, BT_LIB_INSTALL_DIR};
    const char *given = getenv("BATON_LIB");
    if (given && *given)
        return given;
    /* The source tree's stdlib/lib serves the build tree and the tests; an
     * installed baton uses the copy installed beside it. */
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        struct stat st;
        if (stat(candidates[i], &st) == 0 && S_ISDIR(st.st_mode))
            return candidates[i];
    }
    return NULL;
}

/* Give the ImportError just raised its name and path attributes, as
 * CPython's import machinery does. */
static void import_error_about(BtThread *t, BtValue name, BtValue path) {
    BtValue e = bt_take_exc(t);
    BT_PUSH_ROOT(t, &e);
    BtStr *key = bt_str_intern_cstr(t, "path");
    if (!key || !bt_setattr(t, e, BT_NAME(t, name), name) || !bt_setattr(t, e, key, path))
        e = bt_take_exc(t);
    BT_POP_ROOT(t, 1);
    t->exc = e;
}

/* What one folder holds under a name, in the order CPython's finder looks. */
typedef enum {
    FOUND_ERROR = -1, /* an exception is set */
    FOUND_NOTHING,
    FOUND_PACKAGE, /* DIR/NAME/__init__.py */
    FOUND_MODULE,  /* DIR/NAME.py */
    FOUND_FOLDER,  /* DIR/NAME alone: a portion of a namespace package */
} Found;

static bool is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Look in dir for name; out gets the file found, or the folder. */
static Found find_in(const char *dir, const char *name, char *out, size_t cap) {
    const char *sep = *dir ? "/" : "";
    struct stat st;
    int n = snprintf(out, cap, "%s%s%s/__init__.py", dir, sep, name);
    if (!*name || n <= 0 || (size_t)n >= cap)
        return FOUND_NOTHING;
    if (is_file(out))
        return FOUND_PACKAGE;
    snprintf(out, cap, "%s%s%s.py", dir, sep, name); /* shorter than the above */
    if (is_file(out))
        return FOUND_MODULE;
    snprintf(out, cap, "%s%s%s", dir, sep, name);
    return stat(out, &st) == 0 && S_ISDIR(st.st_mode) ? FOUND_FOLDER : FOUND_NOTHING;
}

/* Append the str of the first len bytes of s to list l. */
static bool append_str(BtThread *t, BtList *l, const char *s, size_t len) {
    BtStr *str = bt_str_new(t, s, len);
    return str && bt_list_append(t, l, bt_obj(str));
}

/* The folders a top-level name is looked for in, as a new list of str:
 * beside the main script, each BATONPATH entry (an empty one is "."), then
 * Baton's own library. */
static BtValue top_level_dirs(BtThread *t) {
    BtInterp *in = t->interp;
    BtList *l = bt_list_new(t, 0);
    BtValue v = l ? bt_obj(l) : BT_UNDEF;
    BT_PUSH_ROOT(t, &v);
    bool ok = l && (!in->main_path || append_str(t, l, in->main_path, strlen(in->main_path)));
    for (const char *p = in->search_path; ok && p && *p;) {
        const char *colon = strchr(p, ':');
        size_t len = colon ? (size_t)(colon - p) : strlen(p);
        ok = len ? append_str(t, l, p, len) : append_str(t, l, ".", 1);
        p += len + (colon ? 1 : 0);
    }
    const char *lib = bt_import_lib_dir();
    ok = ok && (!lib || append_str(t, l, lib, strlen(lib)));
    BT_POP_ROOT(t, 1);
    return ok ? v : BT_UNDEF;
}

/* Look for name in each str of the iterable dirs. The first package or module
 * wins, whichever folder it is in; failing those, every folder named name
 * found makes up a namespace package, whose folders go into *portions (a
 * rooted value the caller gives, set to a new list). */
static Found search(BtThread *t, BtValue dirs, const char *name, char *out, size_t cap,
                    BtValue *portions) {
    BtValue it = bt_iter(t, dirs), dir = BT_UNDEF;
    if (bt_is_undef(it))
        return FOUND_ERROR;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &dir);
    Found found = FOUND_NOTHING;
    while (found == FOUND_NOTHING && !bt_is_undef(dir = bt_next(t, it))) {
        if (!bt_is_str(t, dir))
            continue;
        found = find_in(bt_as_str(dir)->data, name, out, cap);
        if (found != FOUND_FOLDER)
            continue;
        found = FOUND_NOTHING;
        if (bt_is_undef(*portions)) {
            BtList *l = bt_list_new(t, 0);
            if (!l)
                break;
            *portions = bt_obj(l);
        }
        if (!append_str(t, bt_as_list(*portions), out, strlen(out)))
            break;
    }
    if (bt_has_exc(t))
        found = FOUND_ERROR;
    else if (found == FOUND_NOTHING && !bt_is_undef(*portions))
        found = FOUND_FOLDER;
    BT_POP_ROOT(t, 2);
    return found;
}

/* A new module for name: __package__ is name itself for a package (path is
 * its __path__), else the part before the last dot; file is its __file__
 * (None for a namespace package). */
static BtModule *new_module(BtThread *t, BtStr *name, BtValue file, BtValue path) {
    BtModule *mod = bt_module_new(t, name);
    BtValue m = mod ? bt_obj(mod) : BT_UNDEF, package = bt_obj(name);
    BT_PUSH_ROOT(t, &m);
    BT_PUSH_ROOT(t, &package);
    if (mod && bt_is_undef(path)) {
        const char *dot = strrchr(name->data, '.');
        BtStr *s = bt_str_new(t, name->data, dot ? (size_t)(dot - name->data) : 0);
        package = s ? bt_obj(s) : BT_UNDEF;
    }
    bool ok = mod && !bt_is_undef(package) &&
              bt_dict_set_str(t, mod->dict, BT_NAME(t, dunder_package), package) &&
              (bt_is_undef(path) || bt_dict_set_str(t, mod->dict, BT_NAME(t, dunder_path), path)) &&
              bt_dict_set_str(t, mod->dict, BT_NAME(t, dunder_file), file);
    BT_POP_ROOT(t, 2);
    return ok ? mod : NULL;
}

/* Put m in sys.modules and run code (if any) as its body. If the body
 * raises, m is taken out again. Returns what sys.modules holds for name
 * afterwards (a module may replace itself there), as CPython does. */
static BtValue exec_module(BtThread *t, BtStr *name, BtModule *mod, BtCode *code) {
    BtDict *modules = t->interp->modules;
    BtValue m = bt_obj(mod);
    BT_PUSH_ROOT(t, &m);
    bool ok = bt_dict_set_str(t, modules, name, m);
    if (ok && code) {
        mod->state = 1;
        ok = !bt_is_undef(bt_run_module_code(t, code, mod));
        mod->state = 0;
    }
    if (!ok) {
        BtValue exc = bt_take_exc(t);
        BT_PUSH_ROOT(t, &exc);
        bt_dict_del(t, modules, bt_obj(name));
        BT_POP_ROOT(t, 1);
        t->exc = exc;
    }
    BtValue now = ok ? bt_dict_get_str(modules, name) : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    return ok && bt_is_undef(now) ? m : now;
}

/* Compile and run the source file path as module name; path is a package's
 * __path__, or BT_UNDEF for a plain module. */
static BtValue import_source(BtThread *t, BtStr *name, const char *file, BtValue path) {
    size_t len;
    char *src = read_source(file, &len);
    if (!src) {
        bt_raise_errno(t, 2, file);
        return BT_UNDEF;
    }
    BtValue fname = BT_UNDEF, code = BT_UNDEF, m = BT_UNDEF;
    BT_PUSH_ROOT(t, &fname);
    BT_PUSH_ROOT(t, &code);
    BtStr *s = bt_str_from_cstr(t, file);
    if (s)
        fname = bt_obj(s);
    BtCode *c = s ? bt_compile_source(t, src, len, s, BT_COMPILE_FILE) : NULL;
    free(src);
    if (c) {
        code = bt_obj(c);
        BtModule *mod = new_module(t, name, fname, path);
        m = mod ? exec_module(t, name, mod, c) : BT_UNDEF;
    }
    BT_POP_ROOT(t, 2);
    return m;
}

/* A package's __path__: a list of its folder, the one file is in. */
static BtValue package_path(BtThread *t, const char *file) {
    BtList *l = bt_list_new(t, 0);
    BtValue v = l ? bt_obj(l) : BT_UNDEF;
    BT_PUSH_ROOT(t, &v);
    bool ok = l && append_str(t, l, file, (size_t)(strrchr(file, '/') - file));
    BT_POP_ROOT(t, 1);
    return ok ? v : BT_UNDEF;
}

/* name, found by the native table or in the folders dirs. */
static BtValue load(BtThread *t, BtStr *name, BtValue dirs, bool *missing) {
    for (const BtNativeModuleDef *d = t->interp->native_modules; d && d->name; d++) {
        if (strcmp(d->name, name->data) != 0)
            continue;
        BtModule *mod = d->create(t);
        BtValue m = mod ? bt_obj(mod) : BT_UNDEF;
        BT_PUSH_ROOT(t, &m);
        BtStr *empty = mod ? bt_str_new(t, "", 0) : NULL; /* CPython's for built-in modules */
        if (empty && bt_dict_set_str(t, mod->dict, BT_NAME(t, dunder_package), bt_obj(empty)))
            m = exec_module(t, name, mod, NULL);
        else
            m = BT_UNDEF;
        BT_POP_ROOT(t, 1);
        return m;
    }
    const char *dot = strrchr(name->data, '.');
    char file[4096];
    BtValue portions = BT_UNDEF, path = BT_UNDEF, m = BT_UNDEF;
    BT_PUSH_ROOT(t, &portions);
    BT_PUSH_ROOT(t, &path);
    Found found = strchr(name->data, '/')
                      ? FOUND_NOTHING
                      : search(t, dirs, dot ? dot + 1 : name->data, file, sizeof file, &portions);
    switch (found) {
    case FOUND_PACKAGE:
        path = package_path(t, file);
        if (!bt_is_undef(path))
            m = import_source(t, name, file, path);
        break;
    case FOUND_MODULE:
        m = import_source(t, name, file, BT_UNDEF);
        break;
    case FOUND_FOLDER: {
        BtModule *mod = new_module(t, name, BT_NONE, portions);
        m = mod ? exec_module(t, name, mod, NULL) : BT_UNDEF;
        break;
    }
    case FOUND_NOTHING:
        *missing = true;
        bt_raise(t, BT_EXC(t, ModuleNotFoundError), "No module named %R", bt_obj(name));
        import_error_about(t, bt_obj(name), BT_NONE);
        break;
    case FOUND_ERROR:
        break;
    }
    BT_POP_ROOT(t, 2);
    return m;
}

/* sys.modules[name] if there (BT_UNDEF and ModuleNotFoundError if it is
 * None), else BT_UNDEF and no exception. */
static BtValue cached(BtThread *t, BtStr *name) {
    BtValue m = bt_dict_get_str(t->interp->modules, name);
    if (bt_is_none(m)) {
        bt_raise(t, BT_EXC(t, ModuleNotFoundError), "import of %S halted; None in sys.modules",
                 name);
        import_error_about(t, bt_obj(name), BT_NONE);
        return BT_UNDEF;
    }
    return m;
}

/* The module of the absolute dotted name, imported with every package
 * above it first, each cached under its full name and set as an attribute
 * of its parent. *missing (when given) tells that the ModuleNotFoundError
 * raised is about name itself, not about a module its body imports. */
static BtValue find_and_load(BtThread *t, BtStr *name, bool *missing) {
    bool ignored;
    missing = missing ? missing : &ignored;
    *missing = false;
    BtValue m = cached(t, name);
    if (!bt_is_undef(m) || bt_has_exc(t))
        return m;
    const char *dot = strrchr(name->data, '.');
    if (!dot) {
        BtValue dirs = top_level_dirs(t);
        BT_PUSH_ROOT(t, &dirs);
        m = bt_is_undef(dirs) ? BT_UNDEF : load(t, name, dirs, missing);
        BT_POP_ROOT(t, 1);
        return m;
    }
    BtValue pname = BT_UNDEF, parent = BT_UNDEF, dirs = BT_UNDEF;
    BT_PUSH_ROOT(t, &pname);
    BT_PUSH_ROOT(t, &parent);
    BT_PUSH_ROOT(t, &dirs);
    BT_PUSH_ROOT(t, &m);
    BtStr *ps = bt_str_new(t, name->data, (size_t)(dot - name->data));
    if (ps)
        pname = bt_obj(ps);
    /* A parent already in sys.modules (even as None) is not imported again;
     * the parent's body may have imported name already. */
    if (ps && bt_is_undef(parent = bt_dict_get_str(t->interp->modules, ps)))
        parent = find_and_load(t, ps, NULL);
    if (ps && !bt_is_undef(parent) && bt_is_undef(m = cached(t, name)) && !bt_has_exc(t)) {
        BtValue now = bt_dict_get_str(t->interp->modules, ps);
        parent = bt_is_undef(now) ? parent : now;
        dirs = bt_getattr_opt(t, parent, BT_NAME(t, dunder_path));
        if (bt_is_undef(dirs) && !bt_has_exc(t)) {
            *missing = true;
            bt_raise(t, BT_EXC(t, ModuleNotFoundError),
                     "No module named %R; %R is not a package", bt_obj(name), bt_obj(ps));
            import_error_about(t, bt_obj(name), BT_NONE);
        }
        m = bt_has_exc(t) ? BT_UNDEF : load(t, name, dirs, missing);
        BtStr *child = bt_is_undef(m) ? NULL : bt_str_intern_cstr(t, dot + 1);
        /* CPython only warns when the parent refuses the attribute. */
        if (child && !bt_setattr(t, parent, child, m))
            bt_take_exc(t);
        else if (!bt_is_undef(m) && !child)
            m = BT_UNDEF;
    }
    BT_POP_ROOT(t, 4);
    return m;
}

BtValue bt_import(BtThread *t, BtStr *name) {
    return find_and_load(t, name, NULL);
}

/* globals[key] if globals has it, else BT_UNDEF. */
static BtValue global(BtThread *t, BtValue globals, const char *key) {
    BtStr *k = bt_str_intern_cstr(t, key);
    return k ? bt_dict_get_str(bt_as_dict(globals), k) : BT_UNDEF;
}

/* The package a relative import in a module with these globals starts
 * from: __package__, else __spec__.parent, else __name__ (less its last
 * part unless the module is a package). */
static BtValue importing_package(BtThread *t, BtValue globals) {
    if (!bt_is_dict(t, globals)) {
        if (bt_is_undef(globals))
            bt_raise(t, BT_EXC(t, KeyError), "'__name__' not in globals");
        else
            bt_raise(t, BT_EXC(t, TypeError), "globals must be a dict");
        return BT_UNDEF;
    }
    BtValue package = global(t, globals, "__package__");
    if (!bt_is_undef(package) && !bt_is_none(package)) {
        if (bt_is_str(t, package))
            return package;
        bt_raise(t, BT_EXC(t, TypeError), "package must be a string");
        return BT_UNDEF;
    }
    BtValue spec = global(t, globals, "__spec__");
    if (!bt_is_undef(spec) && !bt_is_none(spec)) {
        BtStr *parent = bt_str_intern_cstr(t, "parent");
        package = parent ? bt_getattr(t, spec, parent) : BT_UNDEF;
        if (!bt_is_undef(package) && !bt_is_str(t, package)) {
            bt_raise(t, BT_EXC(t, TypeError), "__spec__.parent must be a string");
            return BT_UNDEF;
        }
        return package;
    }
    BtValue name = global(t, globals, "__name__");
    if (bt_is_undef(name)) {
        bt_raise(t, BT_EXC(t, KeyError), "'__name__' not in globals");
        return BT_UNDEF;
    }
    if (!bt_is_str(t, name)) {
        bt_raise(t, BT_EXC(t, TypeError), "__name__ must be a string");
        return BT_UNDEF;
    }
    if (!bt_is_undef(global(t, globals, "__path__")))
        return name;
    const char *dot = strrchr(bt_as_str(name)->data, '.');
    BtStr *s =
        bt_str_new(t, bt_as_str(name)->data, dot ? (size_t)(dot - bt_as_str(name)->data) : 0);
    return s ? bt_obj(s) : BT_UNDEF;
}

/* The absolute name of a relative import: level - 1 parts up from the
 * importing package, then name. */
static BtStr *resolve_name(BtThread *t, BtStr *name, BtValue globals, int64_t level) {
    BtValue package = importing_package(t, globals);
    if (bt_is_undef(package))
        return NULL;
    BtStr *p = bt_as_str(package);
    size_t end = p->size;
    if (end == 0) {
        bt_raise(t, BT_EXC(t, ImportError),
                 "attempted relative import with no known parent package");
        return NULL;
    }
    for (int64_t up = 1; up < level; up++) {
        while (end > 0 && p->data[end - 1] != '.')
            end--;
        if (end == 0) {
            bt_raise(t, BT_EXC(t, ImportError),
                     "attempted relative import beyond top-level package");
            return NULL;
        }
        end--;
    }
    BT_PUSH_ROOT(t, &package);
    BtStr *base = bt_str_new(t, p->data, end);
    BtValue keep = base ? bt_obj(base) : BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BtStr *abs = base && name->size ? bt_str_format(t, "%S.%S", base, name) : base;
    BT_POP_ROOT(t, 2);
    return abs;
}

/* "<m.__name__>.<x>"; NULL if that raised. */
static BtStr *sub_name(BtThread *t, BtValue m, BtStr *x) {
    BtValue mname = bt_getattr(t, m, BT_NAME(t, dunder_name));
    BT_PUSH_ROOT(t, &mname);
    BtValue s = bt_is_undef(mname) ? BT_UNDEF : bt_str(t, mname);
    BtStr *full = bt_is_undef(s) ? NULL : bt_str_format(t, "%S.%S", bt_as_str(s), x);
    BT_POP_ROOT(t, 1);
    return full;
}

/* `from m import a, b`: import m.a when m, a package, has no attribute a
 * (quietly going on if there is no such submodule either); "*" stands for
 * the names in m.__all__. */
static bool handle_fromlist(BtThread *t, BtValue m, BtValue fromlist, bool from_all) {
    BtValue it = bt_iter(t, fromlist), x = BT_UNDEF, held = BT_UNDEF;
    if (bt_is_undef(it))
        return false;
    BT_PUSH_ROOT(t, &it);
    BT_PUSH_ROOT(t, &x);
    BT_PUSH_ROOT(t, &held);
    bool ok = true;
    while (ok && !bt_is_undef(x = bt_next(t, it))) {
        if (!bt_is_str(t, x)) {
            BtStr *all = from_all ? sub_name(t, m, BT_NAME(t, dunder_all)) : NULL;
            if (all)
                bt_raise(t, BT_EXC(t, TypeError), "Item in %S must be str, not %s", all,
                         bt_type_name(t, x));
            else if (!from_all)
                bt_raise(t, BT_EXC(t, TypeError), "Item in from list must be str, not %s",
                         bt_type_name(t, x));
            ok = false;
        } else if (strcmp(bt_as_str(x)->data, "*") == 0) {
            held = from_all ? BT_UNDEF : bt_getattr_opt(t, m, BT_NAME(t, dunder_all));
            ok = bt_is_undef(held) ? !bt_has_exc(t) : handle_fromlist(t, m, held, true);
        } else if (bt_is_undef(bt_getattr_opt(t, m, bt_as_str(x))) && !bt_has_exc(t)) {
            BtStr *full = sub_name(t, m, bt_as_str(x));
            held = full ? bt_obj(full) : BT_UNDEF;
            bool missing = false;
            ok = full && (!bt_is_undef(find_and_load(t, full, &missing)) || missing);
            if (ok && missing)
                bt_take_exc(t);
        }
    }
    ok = ok && !bt_has_exc(t);
    BT_POP_ROOT(t, 3);
    return ok;
}

BtValue bt_import_name(BtThread *t, BtStr *name, BtValue globals, BtValue fromlist, int64_t level) {
    if (level < 0) {
        bt_raise(t, BT_EXC(t, ValueError), "level must be >= 0");
        return BT_UNDEF;
    }
    BtStr *abs = level > 0 ? resolve_name(t, name, globals, level) : name;
    if (!abs)
        return BT_UNDEF;
    if (abs->size == 0) {
        bt_raise(t, BT_EXC(t, ValueError), "Empty module name");
        return BT_UNDEF;
    }
    BtValue keep = bt_obj(abs), m = BT_UNDEF, top = BT_UNDEF;
    BT_PUSH_ROOT(t, &keep);
    BT_PUSH_ROOT(t, &m);
    BT_PUSH_ROOT(t, &top);
    m = find_and_load(t, abs, NULL);
    int wanted = bt_is_undef(m) || bt_is_undef(fromlist) ? 0 : bt_truthy(t, fromlist);
    const char *dot = strchr(name->data, '.');
    if (bt_is_undef(m) || wanted < 0) {
        m = BT_UNDEF;
    } else if (wanted) {
        BtValue path = bt_getattr_opt(t, m, BT_NAME(t, dunder_path));
        if (bt_is_undef(path) ? bt_has_exc(t) : !handle_fromlist(t, m, fromlist, false))
            m = BT_UNDEF;
    } else if (dot && level == 0) {
        /* `import a.b.c` binds a. */
        BtStr *s = bt_str_new(t, name->data, (size_t)(dot - name->data));
        top = s ? bt_obj(s) : BT_UNDEF;
        m = s ? find_and_load(t, s, NULL) : BT_UNDEF;
    } else if (dot) {
        /* __import__('b.c', level=1) in package a gives a.b. */
        BtStr *top =
            bt_str_new(t, abs->data, abs->size - (name->size - (size_t)(dot - name->data)));
        m = top ? bt_dict_get_str(t->interp->modules, top) : BT_UNDEF;
        if (top && bt_is_undef(m))
            bt_raise(t, BT_EXC(t, KeyError), "%R not in sys.modules as expected", bt_obj(top));
    }
    BT_POP_ROOT(t, 3);
    return m;
}

BtValue bt_import_from(BtThread *t, BtValue mod, BtStr *name) {
    BtValue v = bt_getattr_opt(t, mod, name);
    if (!bt_is_undef(v) || bt_has_exc(t))
        return v;
    /* A submodule of a package still being imported (a circular import) is
     * in sys.modules before it is an attribute of its parent. */
    BtValue mname = bt_getattr_opt(t, mod, BT_NAME(t, dunder_name)), shown = BT_UNDEF;
    bt_take_exc(t);
    if (!bt_is_str(t, mname))
        mname = BT_NONE;
    BT_PUSH_ROOT(t, &mname);
    BT_PUSH_ROOT(t, &shown);
    if (bt_is_str(t, mname)) {
        BtStr *full = bt_str_format(t, "%S.%S", bt_as_str(mname), name);
        v = full ? bt_dict_get_str(t->interp->modules, full) : BT_UNDEF;
        shown = mname;
    } else {
        BtStr *s = bt_str_from_cstr(t, "<unknown module name>");
        shown = s ? bt_obj(s) : BT_UNDEF;
    }
    BtModule *m = bt_is_obj(mod) && bt_as_obj(mod)->type == BT_TYPE(t, module)
                      ? (BtModule *)bt_as_obj(mod)
                      : NULL;
    BtValue file = m ? bt_dict_get_str(m->dict, BT_NAME(t, dunder_file)) : BT_UNDEF;
    if (!bt_is_str(t, file))
        file = BT_NONE;
    if (bt_is_undef(v) && !bt_has_exc(t)) {
        if (bt_is_none(file))
            bt_raise(t, BT_EXC(t, ImportError), "cannot import name %R from %R (unknown location)",
                     bt_obj(name), shown);
        else if (m->state == 1)
            bt_raise(t, BT_EXC(t, ImportError),
                     "cannot import name %R from partially initialized module %R "
                     "(most likely due to a circular import) (%S)",
                     bt_obj(name), shown, bt_as_str(file));
        else
            bt_raise(t, BT_EXC(t, ImportError), "cannot import name %R from %R (%S)", bt_obj(name),
                     shown, bt_as_str(file));
        import_error_about(t, mname, file);
    }
    BT_POP_ROOT(t, 2);
    return v;
}

BtValue bt_import_sys_attr(BtThread *t, const char *name) {
    BtStr *sys_name = bt_str_intern_cstr(t, "sys");
    BtValue sys = sys_name ? bt_dict_get_str(t->interp->modules, sys_name) : BT_UNDEF;
    if (bt_is_undef(sys))
        return BT_UNDEF;
    BT_PUSH_ROOT(t, &sys);
    BtStr *attr = bt_str_intern_cstr(t, name);
    BtValue v = attr ? bt_getattr_opt(t, sys, attr) : BT_UNDEF;
    BT_POP_ROOT(t, 1);
    if (bt_is_undef(v) && bt_has_exc(t))
        bt_take_exc(t);
    return v;
}
