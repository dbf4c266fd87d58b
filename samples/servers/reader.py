# The other end of the talk's socket cells: a reader on 127.0.0.1 ports 1111
# and 1112 (or the ports given as arguments) that drains whatever is sent.
# One thread, non-blocking sockets and select(), as in the talk's last cells.
# A new connection is left alone for a moment first, so the sender's buffers
# fill up and its non-blocking send() has to wait, as the notebook shows.
import select
import socket
import sys
import time

PAUSE = 0.3  # seconds before a new connection is read


def listen(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port))
    s.listen(16)
    s.setblocking(False)
    return s


def main():
    ports = [int(p) for p in sys.argv[1:]] or [1111, 1112]
    listeners = [listen(p) for p in ports]
    print('reading on ports', ', '.join(str(p) for p in ports), flush=True)
    opened = {}  # connection -> (port, when it arrived)
    counts = {}  # connection -> bytes read so far
    while True:
        now = time.monotonic()
        ready = [c for c in opened if now - opened[c][1] >= PAUSE]
        r, _, _ = select.select(listeners + ready, [], [], 0.05)
        for s in r:
            if s in listeners:
                conn, _ = s.accept()
                conn.setblocking(False)
                opened[conn] = (s.getsockname()[1], time.monotonic())
                counts[conn] = 0
                continue
            try:
                chunk = s.recv(1 << 20)
            except BlockingIOError:
                continue
            if chunk:
                counts[s] += len(chunk)
            else:
                print('port', opened[s][0], 'read', counts[s], 'bytes', flush=True)
                del opened[s], counts[s]
                s.close()


main()
