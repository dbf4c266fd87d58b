"""Run every golden script under Baton and compare with CPython's recorded output.

usage: run_scripts.py BATON SCRIPTS_DIR_OR_FILES... [-j N] [--expected DIR] [--python PY]
Prints one line per failure with a unified diff, then a summary; exits 1 if
any script differs. --expected DIR reads the golden files from DIR instead of
beside each script (for programs the build makes, like the talk's session).
--python PY also runs each script under PY (CPython 3.11, with the scheduler's
model on PYTHONPATH) and checks that it still prints the .out: the samples
stay true to CPython, not only to a file written once; skipped with a note
when PY is not there.
"""
import argparse
import difflib
import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden  # noqa: E402


def diff(name, want, got):
    return ''.join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        'expected ' + name, 'baton ' + name))


def compare(who, argv, script, expected_dir, timeout):
    want_out, want_err, want_status = golden.expected(script, expected_dir)
    try:
        out, err, status = golden.run(argv, script, timeout=timeout)
    except Exception as e:  # a hang is a failure, not a stuck suite
        return '%s did not finish: %s\n' % (who, e)
    problems = []
    if out != want_out:
        problems.append(diff('stdout', want_out, out).replace('+++ baton', '+++ ' + who))
    if err != want_err:
        problems.append(diff('stderr', want_err, err).replace('+++ baton', '+++ ' + who))
    if status != want_status:
        problems.append('%s: exit status %d, expected %d\n' % (who, status, want_status))
    if status < 0:
        problems.append('%s: killed by signal %d\n' % (who, -status))
    return ''.join(problems)


def check(baton, script, expected_dir=None, python=None):
    timeout = float(os.environ.get('BATON_TEST_TIMEOUT', '60'))
    if os.environ.get('BATON_GC_STRESS', '0') not in ('', '0'):
        timeout *= 10  # a collection at every allocation is quadratic on big heaps
    problems = compare('baton', [baton], script, expected_dir, timeout)
    if python:
        problems += compare('python3', [python], script, expected_dir, 60)
    return script, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('baton')
    ap.add_argument('paths', nargs='+')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 2)
    ap.add_argument('--expected', metavar='DIR')
    ap.add_argument('--python', metavar='PY')
    args = ap.parse_args()
    baton = os.path.abspath(args.baton)
    scripts = golden.find_scripts(args.paths)
    python = None
    if args.python:
        python = shutil.which(args.python)
        if not python:
            print('note: %s not found, the scripts run under Baton only' % args.python)
        else:
            model = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'scheduler_model')
            os.environ['PYTHONPATH'] = os.pathsep.join(
                p for p in [model, os.environ.get('PYTHONPATH', '')] if p)
    with ThreadPoolExecutor(args.j) as pool:
        results = list(pool.map(lambda s: check(baton, s, args.expected, python), scripts))
    failed = [(s, p) for s, p in results if p]
    for script, problem in failed:
        print('FAIL', script)
        print(problem)
    print('%d scripts: %d passed, %d failed' % (len(scripts), len(scripts) - len(failed),
                                                len(failed)))
    return 1 if failed or not scripts else 0


if __name__ == '__main__':
    sys.exit(main())
