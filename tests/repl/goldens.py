"""Golden transcripts of what a student sees: traces, stepper and REPL sessions.

usage: goldens.py BATON [--regen] [CASE...]

Each case is tests/repl/cases/NAME.args (the command line after `baton`, run
in tests/repl/) with an optional NAME.in (what is typed on stdin: stepper
commands, or REPL lines with -i). The transcript is stdout and stderr through
one pipe (the trace and the stepper flush the program's output first, so the
order is the order things happened), then a last line "[exit N]".
Addresses (0x...) become 0xADDR and this folder's path becomes ".", so the
files pin Baton's own output and nothing of the machine.

The transcripts are Baton-only output, so Baton writes them: --regen
rewrites NAME.out from the current build, to be reviewed with `git diff`
before committing (never edited by hand). Without --regen each case is
compared with its NAME.out; the exit status is 1 when any differs.

The README's transcripts come from cases too: a fenced block right after a
line `<!-- transcript: NAME -->` (or `<!-- transcript: NAME lines=N -->`,
which keeps the first N lines and then "...") is "$ baton ARGS" followed by
the case's transcript without its "[exit N]" line. Without --regen a stale
block fails like a case; --regen rewrites it (with all cases run).
"""
import difflib
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, 'cases')


def transcript(baton, name):
    with open(os.path.join(CASES, name + '.args'), encoding='utf-8') as f:
        args = shlex.split(f.read())
    stdin_path = os.path.join(CASES, name + '.in')
    stdin = open(stdin_path, 'rb') if os.path.exists(stdin_path) else subprocess.DEVNULL
    env = dict(os.environ, BATON_HISTORY=os.devnull, TERM='dumb')
    try:
        proc = subprocess.run([baton] + args, cwd=HERE, stdin=stdin, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, env=env, timeout=120)
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    text = proc.stdout.decode('utf-8', 'replace')
    text = re.sub(r'0x[0-9a-fA-F]+', '0xADDR', text)
    text = text.replace(HERE + '/', './').replace(HERE, '.')
    return text + '[exit %d]\n' % proc.returncode


README = os.path.join(os.path.dirname(os.path.dirname(HERE)), 'README.md')
MARK = re.compile(r'^<!-- transcript: (\w+)(?: lines=(\d+))? -->$')


def readme_block(name, lines, transcripts):
    """The text of the README block showing case `name`."""
    with open(os.path.join(CASES, name + '.args'), encoding='utf-8') as f:
        args = f.read().strip()
    if os.path.exists(os.path.join(CASES, name + '.in')):
        args += ' < %s.in' % name
    body = transcripts[name].splitlines(True)
    if body and body[-1].startswith('[exit '):
        body.pop()
    if lines is not None and len(body) > lines:
        body = body[:lines] + ['...\n']
    return '$ baton %s\n' % args + ''.join(body)


def check_readme(baton, regen, transcripts):
    """Compare (or rewrite) the README blocks; returns how many are stale."""
    with open(README, encoding='utf-8') as f:
        text = f.read().splitlines(True)
    out, stale, i = [], 0, 0
    while i < len(text):
        out.append(text[i])
        m = MARK.match(text[i].rstrip('\n'))
        i += 1
        if not m or i >= len(text) or not text[i].startswith('```'):
            continue
        out.append(text[i])
        i += 1
        start = i
        while i < len(text) and not text[i].startswith('```'):
            i += 1
        name = m.group(1)
        if name not in transcripts:
            transcripts[name] = transcript(baton, name)
        want = readme_block(name, int(m.group(2)) if m.group(2) else None, transcripts)
        have = ''.join(text[start:i])
        if have != want:
            stale += 1
            if not regen:
                print('FAIL README.md transcript', name, '(stale: run goldens.py --regen)')
                sys.stdout.writelines(difflib.unified_diff(
                    have.splitlines(True), want.splitlines(True), 'README.md', 'baton'))
        out.extend(want.splitlines(True))
    if regen and stale:
        with open(README, 'w', encoding='utf-8') as f:
            f.write(''.join(out))
        print('wrote README.md (%d transcripts)' % stale)
    return 0 if regen else stale


def main():
    argv = sys.argv[1:]
    if not argv:
        sys.exit(__doc__)
    baton = os.path.abspath(argv.pop(0))
    regen = '--regen' in argv
    names = [a for a in argv if a != '--regen']
    if not names:
        names = sorted(f[:-5] for f in os.listdir(CASES) if f.endswith('.args'))
    failed = 0
    transcripts = {}
    for name in names:
        got = transcripts[name] = transcript(baton, name)
        out_path = os.path.join(CASES, name + '.out')
        if regen:
            with open(out_path, 'w', encoding='utf-8') as f:
                f.write(got)
            print('wrote', os.path.relpath(out_path))
            continue
        want = open(out_path, encoding='utf-8').read() if os.path.exists(out_path) else ''
        if got != want:
            failed += 1
            print('FAIL', name)
            sys.stdout.writelines(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), 'expected', 'baton'))
    if len(names) == len([a for a in os.listdir(CASES) if a.endswith('.args')]):
        failed += check_readme(baton, regen, transcripts)  # only when every case ran
    if not regen:
        print('%d of %d transcripts match' % (len(names) - failed, len(names)))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
