#!/usr/bin/env python3
"""Run other projects' test suites under Baton and print pass counts.

Nothing of theirs is checked in: each suite is read from a copy made
elsewhere (see README.md). A test counts only if python3 (CPython 3.11) runs
it cleanly; Baton passes it when its stdout and exit status equal CPython's.

    python3 tests/peers/run_peers.py build/repl/baton [suite...] [-v] [-k WORD]
"""
import argparse
import ast
import doctest
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

MIRRORS = os.environ.get("BATON_PEER_MIRRORS", "/work/.mirror")
TIMEOUT = 10


def run(cmd, cwd, stdin=None):
    """(exit status, stdout) of cmd, or (None, '') when it times out."""
    env = dict(os.environ, PYTHONHASHSEED="0", PYTHONDONTWRITEBYTECODE="1")
    try:
        p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT,
                           env=env)
    except subprocess.TimeoutExpired:
        return None, b""
    return p.returncode, p.stdout


def export(repo, subdir, dest):
    """Copy subdir of a fetched git mirror (no work tree) into dest."""
    gitdir = os.path.join(MIRRORS, repo, "repo")
    if os.path.isdir(os.path.join(gitdir, ".git")):
        gitdir = os.path.join(gitdir, ".git")
    if not os.path.isdir(gitdir):
        sys.exit(f"no copy of {repo} in {MIRRORS}: fetch github:{repo.replace('+', '/')} first")
    archive = subprocess.run(["git", "--git-dir", gitdir, "archive", "HEAD"] + ([subdir] if subdir else []),
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", dest], input=archive, check=True)
    return os.path.join(dest, subdir)


ADDRESS = re.compile(rb" at 0x[0-9a-fA-F]+")


def same_output(a, b):
    """Equal once object addresses (` at 0x...`, which differ by design) are masked."""
    return ADDRESS.sub(b" at 0x?", a) == ADDRESS.sub(b" at 0x?", b)


def compare_files(baton, folder, names, verbose, label):
    """Run each file with python3 and Baton in folder; count the clean ones Baton matches."""
    ran = passed = 0
    for name in names:
        status, out = run([sys.executable, name], folder)
        if status != 0 or b"SKIP" in out:
            continue  # CPython itself does not run it cleanly
        ran += 1
        bstatus, bout = run([baton, name], folder)
        if bstatus == 0 and same_output(bout, out):
            passed += 1
        elif verbose:
            print(f"  FAIL {label}/{name}")
    return passed, ran


def suite_micropython(baton, work, verbose, only):
    folder = export("micropython+micropython", "tests/basics", work)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".py") and only in n)
    return compare_files(baton, folder, names, verbose, "basics")


def suite_micropython_gen(baton, work, verbose, only):
    folder = export("micropython+micropython", "tests/basics", work)
    names = sorted(n for n in os.listdir(folder)
                   if n.endswith(".py") and n.startswith("gen") and only in n)
    return compare_files(baton, folder, names, verbose, "basics")


def suite_pocketpy(baton, work, verbose, only):
    folder = export("pocketpy+pocketpy", "tests", work)
    names = sorted(n for n in os.listdir(folder) if n.endswith(".py") and only in n)
    return compare_files(baton, folder, names, verbose, "pocketpy")


def suite_coroutines(baton, work, verbose, only):
    folder = export("PlumpMath+dabeaz-coroutines", "", work) or work
    names = sorted(n for n in os.listdir(folder) if n.endswith(".py") and only in n)
    return compare_files(baton, folder, names, verbose, "coroutines")


def find_test_generators():
    """CPython's Lib/test/test_generators.py: python/cpython is too big to fetch, but every
    full CPython install ships it; BATON_PEER_TEST_GENERATORS names one explicitly."""
    given = os.environ.get("BATON_PEER_TEST_GENERATORS")
    if given:
        return given
    here = os.path.join(os.path.dirname(os.__file__), "test", "test_generators.py")
    if os.path.exists(here):
        return here
    version = "python%d.%d" % sys.version_info[:2]
    for pattern in [f"/usr/lib/{version}/test/test_generators.py",
                    os.path.expanduser(f"~/.pyenv/versions/*/lib/{version}/test/test_generators.py")]:
        found = sorted(glob.glob(pattern))
        if found:
            return found[0]
    sys.exit("no test_generators.py: set BATON_PEER_TEST_GENERATORS")


def example_program(examples):
    """A plain program replaying doctest examples the way the interactive prompt shows them:
    each runs through exec() in one shared namespace (so a SyntaxError stays in its example),
    and its output follows a marker line so the outputs can be split again."""
    lines = ["__g = {'__name__': 'doctest'}"]
    for i, ex in enumerate(examples):
        lines.append(f"print('@@example {i}')")
        try:
            ast.parse(ex.source, mode="eval")
            run_it = f"__v = eval({ex.source.strip()!r}, __g)\n    if __v is not None: print(repr(__v))"
        except SyntaxError:
            run_it = f"exec({ex.source!r}, __g)"
        lines.append("try:")
        lines.append("    " + run_it)
        lines.append("except BaseException as __e:")
        lines.append("    print('Traceback (most recent call last):')")
        lines.append("    print('...')")
        lines.append("    __m = __e.msg if isinstance(__e, SyntaxError) else str(__e)")
        lines.append("    __n = type(__e).__name__")
        lines.append("    print(__n + ': ' + __m if __m else __n)")
    return "\n".join(lines) + "\n"


def split_outputs(out, count):
    parts = re.split(r"^@@example (\d+)\n", out, flags=re.M)
    got = {}
    for k in range(1, len(parts) - 1, 2):
        got[int(parts[k])] = parts[k + 1]
    return [got.get(i) for i in range(count)]


def example_passes(checker, ex, got):
    if got is None:
        return False
    flags = ex.options and sum(f for f, on in ex.options.items() if on) or 0
    flags |= doctest.ELLIPSIS
    if ex.exc_msg is not None:
        want = "Traceback (most recent call last):\n...\n" + ex.exc_msg
        return checker.check_output(want, got, flags)
    return checker.check_output(ex.want, got, flags)


# CPython's private test package is not part of what a Python program may
# import, so both interpreters get this stand-in for the three helpers the
# examples import from test.support (written here; the same for both sides).
TEST_SUPPORT_STANDIN = '''\
import gc
import sys

HAVE_DOCSTRINGS = True


def gc_collect():
    gc.collect()
    gc.collect()
    gc.collect()


class catch_unraisable_exception:
    def __enter__(self):
        self.unraisable = None
        self._old_hook = sys.unraisablehook
        sys.unraisablehook = self._hook
        return self

    def _hook(self, unraisable):
        self.unraisable = unraisable

    def __exit__(self, *exc_info):
        sys.unraisablehook = self._old_hook
        del self.unraisable
'''


def suite_test_generators(baton, work, verbose, only):
    os.makedirs(os.path.join(work, "test", "support"))
    open(os.path.join(work, "test", "__init__.py"), "w").close()
    with open(os.path.join(work, "test", "support", "__init__.py"), "w") as f:
        f.write(TEST_SUPPORT_STANDIN)
    path = find_test_generators()
    source = open(path, encoding="utf-8").read()
    tree = ast.parse(source)
    docs = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and \
                isinstance(node.value.value, str) and node.targets[0].id.endswith("_tests"):
            docs[node.targets[0].id] = node.value.value
    parser, checker = doctest.DocTestParser(), doctest.OutputChecker()
    ran = passed = 0
    for name, text in docs.items():
        if only not in name:
            continue
        examples = parser.get_examples(text, name)
        prog = os.path.join(work, name + ".py")
        with open(prog, "w") as f:
            f.write(example_program(examples))
        _, out = run([sys.executable, prog], work)
        _, bout = run([baton, prog], work)
        cpy = split_outputs(out.decode("utf-8", "replace"), len(examples))
        bat = split_outputs(bout.decode("utf-8", "replace"), len(examples))
        for i, ex in enumerate(examples):
            if not example_passes(checker, ex, cpy[i]):
                continue  # the replay differs from a real prompt under CPython too
            ran += 1
            if example_passes(checker, ex, bat[i]):
                passed += 1
            elif verbose:
                print(f"  FAIL {name}[{i}] line {ex.lineno + 1}: {ex.source.strip()[:60]!r}")
    return passed, ran


SUITES = {
    "micropython": ("MicroPython tests/basics", suite_micropython),
    "micropython-gen": ("MicroPython tests/basics/gen*", suite_micropython_gen),
    "test_generators": ("CPython test_generators doctest examples", suite_test_generators),
    "pocketpy": ("pocketpy tests", suite_pocketpy),
    "coroutines": ("Beazley's coroutine course programs", suite_coroutines),
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("baton")
    ap.add_argument("suites", nargs="*", default=list(SUITES))
    ap.add_argument("-v", "--verbose", action="store_true", help="name each failure")
    ap.add_argument("-k", default="", help="only tests whose name contains this")
    args = ap.parse_args()
    baton = os.path.abspath(args.baton)
    for key in args.suites:
        title, fn = SUITES[key]
        work = tempfile.mkdtemp(prefix="baton-peers-")
        try:
            passed, ran = fn(baton, work, args.verbose, args.k)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{title}: {passed}/{ran}", flush=True)


if __name__ == "__main__":
    main()
