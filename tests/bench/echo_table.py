#!/usr/bin/env python3
"""The echo benchmark of issue 12: round trips per second at 100 and 1,000
connections, for Baton's scheduler echo server, an asyncio streams server and
a plain C epoll server (the ceiling).

usage: echo_table.py [--baton PATH] [--python PATH] [--seconds S] [--rounds N]
The load client (echo_load.c) and the C server (echo_server_c.c) are built by
meson into BUILD/tests/. Each server runs on 127.0.0.1 (a free port), pinned to
CPU 0 and the client to CPU 1 when the machine has two (taskset); each is warmed
up for a second first. Rows are medians of `rounds` runs, interleaved.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def build_dir():
    for b in ('build-bench', 'build'):
        if os.path.exists(os.path.join(ROOT, b, 'tests', 'echo_load')):
            return os.path.join(ROOT, b)
    sys.exit('echo_load not built: meson compile -C build-bench')


def pinned(cpu, cmd):
    if shutil.which('taskset') and (os.cpu_count() or 1) >= 2:
        return ['taskset', '-c', str(cpu)] + cmd
    return cmd


def measure(server_cmd, client, conns, seconds, warmup):
    srv = subprocess.Popen(pinned(0, server_cmd), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           text=True)
    try:
        port = srv.stdout.readline().strip()
        if not port.isdigit():
            raise RuntimeError('server printed no port: %r' % port)
        if warmup:
            subprocess.run(pinned(1, [client, port, str(conns), '1']), capture_output=True,
                           timeout=60, check=True)
        out = subprocess.run(pinned(1, [client, port, str(conns), str(seconds)]),
                             capture_output=True, text=True, timeout=60 + seconds)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip())
        return float(out.stdout)
    finally:
        srv.kill()
        srv.wait()


def main():
    ap = argparse.ArgumentParser()
    b = build_dir()
    ap.add_argument('--baton', default=os.path.join(b, 'repl', 'baton'))
    ap.add_argument('--python', default=sys.executable)
    ap.add_argument('--seconds', type=float, default=3)
    ap.add_argument('--rounds', type=int, default=3)
    args = ap.parse_args()
    client = os.path.join(b, 'tests', 'echo_load')
    servers = [('Baton, built-in scheduler', [args.baton, os.path.join(HERE, 'echo_baton.py')]),
               ('CPython 3.11, asyncio streams', [args.python, os.path.join(HERE, 'echo_asyncio.py')]),
               ('C, epoll (the ceiling)', [os.path.join(b, 'tests', 'echo_server_c')])]
    results = {}
    for r in range(args.rounds):
        for conns in (100, 1000):
            for name, cmd in servers:
                rate = measure(cmd, client, conns, args.seconds, warmup=True)
                results.setdefault((name, conns), []).append(rate)
    print('| server | 100 connections | 1,000 connections |')
    print('| --- | --- | --- |')
    med = {k: statistics.median(v) for k, v in results.items()}
    for name, _ in servers:
        print('| %s | %.0f/s | %.0f/s |' % (name, med[(name, 100)], med[(name, 1000)]))
    for conns in (100, 1000):
        baton = med[('Baton, built-in scheduler', conns)]
        print('%d connections: Baton %.2fx asyncio, %.2fx the C server' %
              (conns, baton / med[('CPython 3.11, asyncio streams', conns)],
               baton / med[('C, epoll (the ceiling)', conns)]))


if __name__ == '__main__':
    main()
