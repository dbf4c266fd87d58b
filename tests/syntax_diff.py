"""Differential syntax check: mutate valid programs and compare Baton's verdict with CPython's.

usage: syntax_diff.py BATON [FILES_OR_DIRS...] [--seed N] [--count N] [--keep DIR] [-v]
       (default files: samples/talk/*.py and tests/scripts/**/*.py)

Each variant deletes a character, duplicates or deletes a line, or inserts a random
token somewhere in a valid program. CPython judges it with compile(source, file,
'exec') and Baton with `baton --check FILE`; the tool reports every variant where
the verdict, the message, the line or the caret differ, grouped by CPython's
message. Not a meson test: run it by hand and turn interesting findings into
tests/scripts/syntax/parse_*.py goldens.
"""
import argparse
import collections
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

TOKENS = ['(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '=', '==', '+', '-', '*', '**',
          '/', '//', '%', '<', '>', '!=', ':=', '->', '@', 'if', 'else', 'elif', 'for', 'in',
          'not', 'and', 'or', 'is', 'def', 'class', 'return', 'yield', 'lambda', 'pass',
          'break', 'continue', 'import', 'from', 'as', 'with', 'try', 'except', 'finally',
          'while', 'del', 'global', 'nonlocal', 'assert', 'raise', 'None', 'True', 'x', '1',
          '1.5', '"s"', "f'{x}'", '\n', '    ', '\\', '#', '"', "'", '0x', '1_', '$', '?']

# The SyntaxError is left uncaught so that CPython's own C printer formats it, exactly
# as `python3 FILE` would (the traceback module draws IndentationError carets otherwise).
CPY = r'''
import sys
f = sys.argv[1]
compile(open(f, 'rb').read(), f, 'exec')
print('OK')
'''

ERR_LINE = re.compile(r'^(\w+): (.*)$')
FILE_LINE = re.compile(r'^  File ".*", line (\d+)')


def report_body(text):
    """The report without its File line (paths differ), as one string."""
    return '\n'.join(l for l in text.rstrip('\n').split('\n')
                     if not FILE_LINE.match(l) and not l.startswith('Traceback'))


def cpython_verdict(path):
    """('OK',) or (kind, message, line, report text) from compile()."""
    p = subprocess.run([sys.executable, '-c', CPY, path], capture_output=True, text=True,
                       timeout=30)
    if p.stdout.strip() == 'OK':
        return ('OK',)
    return parse_report(p.stderr)


def parse_report(err):
    lines = err.rstrip('\n').split('\n')
    m = ERR_LINE.match(lines[-1]) if lines else None
    if not m:
        return ('UNKNOWN', err[-200:])
    line = 0
    for l in lines:
        fm = FILE_LINE.match(l)
        if fm:
            line = int(fm.group(1))
    return (m.group(1), m.group(2), line, report_body(err))


def baton_verdict(baton, path):
    """The same tuple from `baton --check FILE`'s CPython-style report."""
    try:
        p = subprocess.run([baton, '--check', path], capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return ('TIMEOUT',)
    if p.returncode < 0:
        return ('CRASH', 'signal %d' % -p.returncode)
    if p.returncode == 0:
        return ('OK',)
    return parse_report(p.stderr.decode('utf-8', 'backslashreplace'))


def mutate(src, rng):
    lines = src.split('\n')
    how = rng.choice(['delchar', 'dupline', 'delline', 'token', 'token', 'token'])
    if how == 'delchar' and src:
        i = rng.randrange(len(src))
        return how, src[:i] + src[i + 1:]
    if how in ('dupline', 'delline') and lines:
        i = rng.randrange(len(lines))
        if how == 'dupline':
            lines.insert(i, lines[i])
        else:
            del lines[i]
        return how, '\n'.join(lines)
    tok = rng.choice(TOKENS)
    i = rng.randrange(len(src) + 1)
    pad = rng.choice(['', ' '])
    return 'token %r' % tok, src[:i] + pad + tok + pad + src[i:]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('baton')
    ap.add_argument('paths', nargs='*')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=300)
    ap.add_argument('--keep', help='write each differing variant into this folder')
    ap.add_argument('-v', action='store_true', help='print every difference in full')
    args = ap.parse_args()
    baton = os.path.abspath(args.baton)
    paths = args.paths or [os.path.join(ROOT, 'samples', 'talk'), os.path.join(HERE, 'scripts')]
    files = []
    for p in paths:
        if os.path.isdir(p):
            for root, _, names in os.walk(p):
                files += [os.path.join(root, n) for n in names if n.endswith('.py')]
        else:
            files.append(p)
    valid = []
    for f in sorted(files):
        if cpython_verdict(f) == ('OK',):
            valid.append(f)
    if not valid:
        sys.exit('no valid programs to mutate')
    rng = random.Random(args.seed)
    diffs = collections.defaultdict(list)
    same = 0
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'variant.py')
        for n in range(args.count):
            base = rng.choice(valid)
            src = open(base, encoding='utf-8').read()
            how, variant = mutate(src, rng)
            with open(path, 'w', encoding='utf-8') as f:
                f.write(variant)
            want = cpython_verdict(path)
            got = baton_verdict(baton, path)
            if want == got:
                same += 1
                continue
            key = want[1] if len(want) > 1 else 'OK'
            diffs[key].append((n, base, how, want, got, variant))
            if args.keep:
                os.makedirs(args.keep, exist_ok=True)
                with open(os.path.join(args.keep, 'diff_%04d.py' % n), 'w',
                          encoding='utf-8') as f:
                    f.write(variant)
    for key, items in sorted(diffs.items(), key=lambda kv: -len(kv[1])):
        print('== %d x CPython: %s' % (len(items), key))
        for n, base, how, want, got, variant in items[:1 if not args.v else None]:
            print('   #%d %s (%s)' % (n, os.path.relpath(base, ROOT), how))
            if want[:3] == got[:3] and len(want) > 3:
                print('   same message and line; the caret differs:')
                print('   cpython:\n' + want[3])
                print('   baton:\n' + got[3])
            else:
                print('   cpython:', want[:3])
                print('   baton:  ', got[:3])
    total = sum(len(v) for v in diffs.values())
    print('%d variants: %d agree, %d differ (seed %d)' % (args.count, same, total, args.seed))
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main())
