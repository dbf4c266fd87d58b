#!/usr/bin/env python3
"""--trace=gil and --trace with two threads: the GIL's hand-overs are events.

usage: gil_trace.py BATON
Runs a program whose two threads both compute and block, under --trace=gil
and under --trace, and checks what a student must be able to read there:
drops with their reason (a blocking call by name, forced after a request, a
thread's exit), takes with the microseconds waited, the thread column from
the second thread on, and thread names. The waits vary from run to run, so
this checks the shape of the events, not a transcript.
"""
import os
import re
import subprocess
import sys
import tempfile

PROGRAM = '''
import sys, threading, time
sys.setswitchinterval(0.001)
def worker():
    time.sleep(0.01)
    n = 0
    for i in range(20000):
        n += i
t = threading.Thread(target=worker, name="worker")
t.start()
x = 0
for i in range(60000):
    x += i
t.join()
print("done")
'''

EVENT = re.compile(r'^T(\d+) +~~  gil (.*)$')
SHAPES = [
    ('drop-blocking', re.compile(r'^drop by (MainThread|worker) \(blocking call: [a-z ]+\)$')),
    ('take', re.compile(r'^take by (MainThread|worker) \(waited \d+ us\)$')),
    ('request', re.compile(r'^drop request from (MainThread|worker) seen by (MainThread|worker)$')),
    ('drop-forced', re.compile(r'^drop by (MainThread|worker) \(forced\)$')),
    ('drop-exit', re.compile(r'^drop by worker \(thread exit\)$')),
]


def events(baton, option, path):
    p = subprocess.run([baton, option, path], capture_output=True, text=True, timeout=120)
    assert p.returncode == 0 and p.stdout == 'done\n', (p.returncode, p.stdout, p.stderr[-2000:])
    found = []
    for line in p.stderr.splitlines():
        m = EVENT.match(line)
        if not m:
            continue
        for kind, shape in SHAPES:
            if shape.match(m.group(2)):
                found.append((int(m.group(1)), kind))
                break
        else:
            raise AssertionError('unexpected GIL event: %r' % line)
    return found, p.stderr


def main():
    baton = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'two_threads.py')
        with open(path, 'w') as f:
            f.write(PROGRAM)
        failures = []
        for option in ['--trace=gil', '--trace']:
            found, err = events(baton, option, path)
            kinds = {k for _, k in found}
            for need in ['drop-blocking', 'take', 'drop-exit']:
                if need not in kinds:
                    failures.append('%s: no %s event' % (option, need))
            if {t for t, _ in found} != {1, 2}:
                failures.append('%s: events should come from T1 and T2: %s' % (option, found[:5]))
            if option == '--trace' and not re.search(r'^T2  worker +\d+ +\d+  ', err, re.M):
                failures.append('--trace: no instruction line of the worker in column T2')
            # Both threads compute at once: somebody must have been asked to let go.
            if option == '--trace' and 'drop-forced' not in kinds:
                failures.append('--trace: no forced drop')
            # A take answers each drop, in order: never two takes in a row.
            previous = None
            for t, kind in found:
                if kind == 'take' and previous == 'take':
                    failures.append('%s: two takes without a drop between' % option)
                    break
                if kind in ('take',) or kind.startswith('drop'):
                    previous = 'take' if kind == 'take' else 'drop'
        for f in failures:
            print('FAIL', f)
        print('gil trace: %d failures' % len(failures))
        return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
