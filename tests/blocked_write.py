#!/usr/bin/env python3
"""A thread blocked writing to a full pipe gives the GIL up (issue 11).

usage: blocked_write.py BATON
Baton prints 2 MB into a pipe that nobody reads for a second while another
thread counts; the count must go on meanwhile. (A Baton-only check: python3's
buffered stdout behaves differently here, so there is no golden output.)
"""
import subprocess
import sys
import time

PROGRAM = r'''
import sys, threading, time
count = 0
stop = False
def spin():
    global count
    while not stop:
        count += 1
        time.sleep(0.001)
t = threading.Thread(target=spin)
t.start()
line = "x" * 1000
for i in range(2000):
    print(line)
stop = True
t.join()
print("spinner ran while output was blocked:", count > 100, file=sys.stderr)
'''


def main():
    p = subprocess.Popen([sys.argv[1], '-c', PROGRAM], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    time.sleep(1.0)  # the pipe fills up and print blocks
    out, err = p.communicate(timeout=120)
    ok = p.returncode == 0 and len(out) == 2000 * 1001 and \
        err.decode().strip() == 'spinner ran while output was blocked: True'
    print('blocked write:', 'ok' if ok else 'FAIL %r %d %r' % (p.returncode, len(out), err[-500:]))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
