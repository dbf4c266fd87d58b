"""Standard streams that fail: Baton must behave as python3 does, byte for byte.

usage: stdio_errors.py BATON

A golden script cannot show these, because the runner owns the script's stdout:
here each case runs under both interpreters with stdout (or stderr) on /dev/full
or on a pipe whose reading end is already closed (so every write is EPIPE, with no
race), and their stderr and exit status must be equal. python3 runs with its
default buffering (PYTHONUNBUFFERED removed), as a user's terminal has it.
"""
import os
import re
import subprocess
import sys
import tempfile

CASES = {
    # name: (where stdout goes, where stderr goes, program)
    'print_to_full_disk': ('full', 'pipe', 'x = 1\nprint(x)\ny = 2\n'),
    'big_print_to_full_disk': ('full', 'pipe', 'print("x" * 100000)\nprint("after")\n'),
    'write_to_full_disk': ('full', 'pipe', 'import sys\nsys.stdout.write("a" * 100000)\n'),
    'flush_to_full_disk': ('full', 'pipe', 'import sys\nprint(1)\nsys.stdout.flush()\n'),
    'full_disk_then_error': ('full', 'pipe', 'print(1)\n1 / 0\n'),
    'full_disk_then_exit_3': ('full', 'pipe', 'print(1)\nraise SystemExit(3)\n'),
    'stderr_to_full_disk': ('pipe', 'full', 'import sys\nsys.stderr.write("x\\n")\nprint("out")\n'),
    'print_loop_to_closed_pipe': ('closed', 'pipe', 'for i in range(100000):\n    print(i)\n'),
    'broken_pipe_is_catchable': ('closed', 'pipe', (
        'import sys\n'
        'try:\n'
        '    for i in range(100000):\n'
        '        print(i)\n'
        'except BrokenPipeError as e:\n'
        '    sys.stderr.write("caught %r %d\\n" % (e, e.errno))\n')),
    'short_print_to_closed_pipe': ('closed', 'pipe', 'print("hello")\n'),
    'flush_to_closed_pipe_twice': ('closed', 'pipe', (
        'import sys\n'
        'print("hello")\n'
        'for attempt in range(2):\n'
        '    try:\n'
        '        sys.stdout.flush()\n'
        '    except OSError as e:\n'
        '        sys.stderr.write("%s %s\\n" % (type(e).__name__, e))\n')),
    'print_flush_to_closed_pipe': ('closed', 'pipe', 'print("hello", flush=True)\n'),
    'closed_pipe_does_not_kill': ('closed', 'pipe', (
        'import sys\n'
        'print("lost")\n'
        'sys.stderr.write("still alive\\n")\n')),
}


def stream(kind, opened):
    """A file object or descriptor for one end: /dev/full, a closed pipe, or a pipe."""
    if kind == 'full':
        f = open('/dev/full', 'wb')
        opened.append(f)
        return f
    if kind == 'closed':
        r, w = os.pipe()
        os.close(r)
        opened.append(w)
        return w
    return subprocess.PIPE


def run(argv, out_kind, err_kind, cwd):
    env = dict(os.environ)
    env.pop('PYTHONUNBUFFERED', None)
    opened = []
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=stream(out_kind, opened),
                           stderr=stream(err_kind, opened), cwd=cwd, env=env, timeout=60)
    finally:
        for f in opened:
            f.close() if hasattr(f, 'close') else os.close(f)
    out = (p.stdout or b'').decode('utf-8', 'replace')
    err = (p.stderr or b'').decode('utf-8', 'replace')
    # 3.11's ^^^^ marker lines are a documented difference (README.md).
    err = re.sub(r'(?m)^ *[~^]+ *\n', '', err)
    return out, err, p.returncode


def main():
    baton = os.path.abspath(sys.argv[1])
    if not os.path.exists('/dev/full'):
        print('skipped: no /dev/full')
        return 77
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (out_kind, err_kind, program) in CASES.items():
            path = os.path.join(tmp, name + '.py')
            with open(path, 'w') as f:
                f.write(program)
            want = run([sys.executable, name + '.py'], out_kind, err_kind, tmp)
            got = run([baton, name + '.py'], out_kind, err_kind, tmp)
            if want == got:
                print('ok   %s (status %d)' % (name, got[2]))
                continue
            failed += 1
            print('FAIL %s' % name)
            for label, w, g in zip(('stdout', 'stderr', 'status'), want, got):
                if w != g:
                    print('  %s: python3 %r\n  %s: baton   %r' % (label, w, label, g))
    print('%d cases, %d failed' % (len(CASES), failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
