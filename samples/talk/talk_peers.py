"""The readers that the talk's socket cells expect on localhost 1111 and 1112.

In the talk, other programs listened on those ports. A socket part of
samples/talk/ starts them itself, inside the sample: `start()` listens on
both ports and reads every connection in a thread of its own, slowly (it
lets a new connection wait a moment, then reads in small pieces), so that a
sender's buffers fill up as they did in the talk: the non-blocking send of
In [52] really comes back short, and the select() loop of In [53] really
loops. If a port is taken, the reader listens on a free port instead, and
the cells' connect() calls to the notebook's port are sent there.
"""
import socket
import threading
import time

NOTEBOOK_PORTS = (1111, 1112)


def _listen(port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(('127.0.0.1', port))
    except OSError:
        listener.bind(('127.0.0.1', 0))
    listener.listen()
    return listener


def _drain(conn):
    time.sleep(1.0)            # a slow reader: let the sender fill its buffers and
                               # find them full (In [56] needs a BlockingIOError)
    while conn.recv(65536):
        time.sleep(0.001)
    conn.close()


def _serve(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:        # stop() closed the listener
            return
        threading.Thread(target=_drain, args=(conn,), daemon=True).start()


class _Redirected:
    """A socket whose connect() goes to the reader that stands in for a taken port."""

    def __init__(self, *args, **kwargs):
        self._sock = _real_socket(*args, **kwargs)

    def connect(self, address):
        host, port = address
        self._sock.connect((host, _moved.get(port, port)))

    def __getattr__(self, name):
        return getattr(self._sock, name)


_real_socket = socket.socket
_moved = {}
_listeners = []
_acceptors = []


def start():
    """Listen on the notebook's ports (or stand-ins) and read in the background."""
    for port in NOTEBOOK_PORTS:
        listener = _listen(port)
        bound = listener.getsockname()[1]
        if bound != port:
            _moved[port] = bound
            socket.socket = _Redirected
        _listeners.append(listener)
        acceptor = threading.Thread(target=_serve, args=(listener,), daemon=True)
        acceptor.start()
        _acceptors.append(acceptor)


def stop():
    """Stop accepting (shutdown() wakes a thread blocked in accept()); readers
    still draining a connection the cells left open end with the program."""
    for listener in _listeners:
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()
    for acceptor in _acceptors:
        acceptor.join()
    socket.socket = _real_socket
