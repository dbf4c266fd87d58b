"""Shared rules for golden-output tests (used by run_scripts.py and regen_goldens.py).

A golden test is tests/scripts/<area>/<name>.py with the outputs CPython 3.11
gave for it: <name>.out (stdout), <name>.err (stderr, only if non-empty),
<name>.status (exit status, only if it differs from 1-if-.err-else-0) and an
optional <name>.in fed to stdin. Both interpreters run with the script's folder
as working directory and the bare file name as argument.
"""
import os
import re
import subprocess

# Traceback frames in 3.11 may carry a marker line of ^ and ~ under the source
# line; Baton may leave it out (see the README's list of known differences).
_FRAME = re.compile(r'^  File ".*", line \d+, in ')
_MARKER = re.compile(r'^\s*[~^]+\s*$')
_ADDRESS = re.compile(r' at 0x[0-9a-fA-F]+')
# Frames in the standard library's own modules (threading.py, queue.py...):
# where the library lives and its line numbers differ between CPython and
# Baton, the function and the source line shown must not.
_LIB_FRAME = re.compile(
    r'File "(?:[^"]*/)?(?:lib/python3\.\d+|stdlib/lib|share/baton/lib)/([\w/]+\.py)", line \d+')


def normalize(text, script_dir):
    """What must match: absolute paths of the script folder, object
    addresses and the place of library frames are masked, and traceback
    marker lines are dropped."""
    text = text.replace(os.path.join(os.path.abspath(script_dir), ''), '')
    text = _ADDRESS.sub(' at 0x...', text)
    text = _LIB_FRAME.sub(r'File "<lib>/\1", line N', text)
    out, in_frame = [], 0
    for line in text.split('\n'):
        if _FRAME.match(line):
            in_frame = 2
        elif in_frame and _MARKER.match(line):
            continue
        elif in_frame:
            in_frame -= 1
        out.append(line)
    return '\n'.join(out)


def run(argv, script, timeout=60):
    """Run argv + [basename(script)] in the script's folder; returns
    (stdout, stderr, status) with stdout/stderr normalized."""
    folder, name = os.path.split(os.path.abspath(script))
    stdin_path = script[:-3] + '.in'
    stdin = open(stdin_path, 'rb') if os.path.exists(stdin_path) else subprocess.DEVNULL
    env = dict(os.environ, PYTHONHASHSEED='0', PYTHONIOENCODING='utf-8',
               PYTHONDONTWRITEBYTECODE='1')  # no __pycache__ in the packages tests import
    try:
        p = subprocess.run(argv + [name], cwd=folder, stdin=stdin, capture_output=True,
                           timeout=timeout, env=env)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    dec = lambda b: b.decode('utf-8', errors='backslashreplace')
    return normalize(dec(p.stdout), folder), normalize(dec(p.stderr), folder), p.returncode


def expected(script, folder=None):
    """The checked-in (stdout, stderr, status) of a golden test, beside the
    script or in folder."""
    base = script[:-3]
    if folder:
        base = os.path.join(folder, os.path.basename(base))
    read = lambda p: open(p, encoding='utf-8').read() if os.path.exists(p) else ''
    out, err = read(base + '.out'), read(base + '.err')
    status = read(base + '.status').strip()
    return out, err, int(status) if status else (1 if err else 0)


def find_scripts(paths):
    """Every NAME.py under the given files or folders, sorted. A folder
    holding an __init__.py is a package the tests beside it import, so
    neither it nor anything below it is a test."""
    found = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = [d for d in dirs
                           if not os.path.exists(os.path.join(root, d, '__init__.py'))]
                found += [os.path.join(root, f) for f in files if f.endswith('.py')]
        elif p.endswith('.py'):
            found.append(p)
    return sorted(found)
