#!/usr/bin/env python3
"""The switch-rate table of issue 12: Baton's scheduler against asyncio.

usage: sched_table.py [--baton PATH] [--python PATH] [--rounds N] [--tasks N] [--turns N]
Runs sched_switch.py under Baton, asyncio_switch.py under CPython, and
sched_switch.py under CPython with the pure-Python model of the scheduler,
`rounds` times interleaved (the same machine load for all), and prints the
median switches per second and the ratio to asyncio.
"""
import argparse
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main():
    ap = argparse.ArgumentParser()
    default = os.path.join(ROOT, 'build-bench', 'repl', 'baton')
    if not os.path.exists(default):
        default = os.path.join(ROOT, 'build', 'repl', 'baton')
    ap.add_argument('--baton', default=default)
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--tasks', type=int, default=10_000)
    ap.add_argument('--turns', type=int, default=100)
    args = ap.parse_args()
    size = [str(args.tasks), str(args.turns)]
    model_env = dict(os.environ, PYTHONPATH=os.path.join(ROOT, 'tests', 'scheduler_model'))
    rows = [('Baton, built-in scheduler', [args.baton, os.path.join(HERE, 'sched_switch.py')], None),
            ('CPython 3.11, asyncio sleep(0)', [args.python, os.path.join(HERE, 'asyncio_switch.py')], None),
            ('CPython 3.11, the Python model', [args.python, os.path.join(HERE, 'sched_switch.py')],
             model_env)]
    rates = {name: [] for name, _, _ in rows}
    for _ in range(args.rounds):
        for name, cmd, env in rows:
            out = subprocess.run(cmd + size, capture_output=True, text=True, env=env, timeout=600)
            if out.returncode != 0:
                sys.exit('%s failed: %s' % (name, out.stderr.strip()[-300:]))
            rates[name].append(float(out.stdout))
    base = statistics.median(rates['CPython 3.11, asyncio sleep(0)'])
    print('%d tasks x %d turns = %d switches, median of %d runs' %
          (args.tasks, args.turns, args.tasks * args.turns, args.rounds))
    print('| runs | switches/s | vs asyncio |')
    print('| --- | --- | --- |')
    for name, _, _ in rows:
        m = statistics.median(rates[name])
        print('| %s | %.2fM | %.1fx |' % (name, m / 1e6, m / base))


if __name__ == '__main__':
    main()
