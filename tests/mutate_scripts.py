"""Bad programs must never crash Baton: run each golden script with one line
deleted or duplicated and check that Baton ends by itself or by a clean
error, never by a signal or a sanitizer report (issue 4 item 8).

usage: mutate_scripts.py BATON SCRIPTS_DIR [--seed N] [--timeout S]
The variant of each script is picked by a seeded generator, so a failure is
reproducible; the mutated source is printed with the failure. A variant that
runs past the timeout (deleting `i += 1` makes loops endless) is not a crash.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402

SANITIZER_MARKS = ('AddressSanitizer', 'LeakSanitizer', 'runtime error:', 'Segmentation fault')


def variant(lines, rng):
    """One mutation: ('delete' | 'duplicate', line index, new text)."""
    k = rng.randrange(len(lines))
    kind = rng.choice(('delete', 'duplicate'))
    out = lines[:k] + lines[k + 1:] if kind == 'delete' else lines[:k + 1] + lines[k:]
    return kind, k + 1, b''.join(out)


def check(baton, script, rng_seed, timeout):
    with open(script, 'rb') as f:
        lines = f.readlines()
    if not lines:
        return None
    kind, lineno, text = variant(lines, random.Random(rng_seed))
    folder = os.path.dirname(os.path.abspath(script))
    with tempfile.NamedTemporaryFile('wb', suffix='.py', dir=folder, delete=False) as tmp:
        tmp.write(text)
    try:
        p = subprocess.run([baton, os.path.basename(tmp.name)], cwd=folder,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    finally:
        os.unlink(tmp.name)
    err = p.stderr.decode('utf-8', 'replace')
    if p.returncode < 0 or any(m in err for m in SANITIZER_MARKS):
        return '%s (%s line %d): status %d\n%s\n--- source ---\n%s' % (
            script, kind, lineno, p.returncode, err[-3000:], text.decode('utf-8', 'replace'))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('baton')
    ap.add_argument('paths', nargs='+')
    ap.add_argument('--seed', type=int, default=2026)
    ap.add_argument('--timeout', type=float, default=3.0)
    args = ap.parse_args()
    if os.environ.get('BATON_GC_STRESS', '0') not in ('', '0'):
        print('skipped under BATON_GC_STRESS (the golden run covers stress mode)')
        return 77
    baton = os.path.abspath(args.baton)
    scripts = golden.find_scripts(args.paths)
    seeds = [args.seed * 100003 + i for i in range(len(scripts))]
    with ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda a: check(baton, a[0], a[1], args.timeout),
                                zip(scripts, seeds)))
    crashes = [r for r in results if r]
    for c in crashes:
        print('CRASH', c)
    print('%d mutated scripts: %d crashed' % (len(scripts), len(crashes)))
    return 1 if crashes else 0


if __name__ == '__main__':
    sys.exit(main())
