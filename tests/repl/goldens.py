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
    for name in names:
        got = transcript(baton, name)
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
    if not regen:
        print('%d of %d transcripts match' % (len(names) - failed, len(names)))
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
