#!/usr/bin/env python3
"""The GIL latency table of issue 11: Baton (both policies) against CPython 3.11.

usage: gil_table.py [--baton PATH] [--python PATH] [--pings N] [--rounds N]
Runs tests/bench/gil_latency.py under each interpreter at switch intervals of
5 ms and 0.5 ms, `rounds` times interleaved (so all see the same machine load),
and prints the median of each figure: the wake-up delay after a 1 ms sleep and
the echo round trip, p50 and p99, in milliseconds, while a thread spins.
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
    default_baton = os.path.join(ROOT, 'build-bench', 'repl', 'baton')
    if not os.path.exists(default_baton):
        default_baton = os.path.join(ROOT, 'build', 'repl', 'baton')
    ap.add_argument('--baton', default=default_baton)
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--pings', type=int, default=300)
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    script = os.path.join(HERE, 'gil_latency.py')
    rows = [('CPython 3.11', [args.python], {}),
            ('Baton, CPython policy', [args.baton], {'BATON_GIL': 'cpython'}),
            ('Baton, priority policy', [args.baton], {'BATON_GIL': 'priority'})]
    results = {}
    for _ in range(args.rounds):
        for interval in ('5', '0.5'):
            for name, cmd, env in rows:
                out = subprocess.run(cmd + [script, interval, str(args.pings)],
                                     capture_output=True, text=True, timeout=300,
                                     env=dict(os.environ, **env))
                if out.returncode != 0:
                    sys.exit('%s failed: %s' % (name, out.stderr.strip()[-300:]))
                figures = [float(x) for x in out.stdout.split()]
                results.setdefault((name, interval), []).append(figures)
    print('| interpreter | switch interval | wake p50 | wake p99 | echo p50 | echo p99 |')
    print('| --- | --- | --- | --- | --- | --- |')
    for interval in ('5', '0.5'):
        for name, _, _ in rows:
            runs = results[(name, interval)]
            med = [statistics.median(r[i] for r in runs) for i in range(4)]
            print('| %s | %s ms | %s |' % (name, interval,
                                          ' | '.join('%.2f ms' % m for m in med)))


if __name__ == '__main__':
    main()
