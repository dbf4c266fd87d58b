"""The talk's notebook typed into the REPL, every code cell in order, as one session.

usage: notebook_session.py BATON SAMPLES_TALK_DIR

Types the cells of samples/talk/'s parts (not the blocks marked "not a
cell") into `BATON` through a pseudo-terminal, line by line, waiting for each
prompt, as a person would; then types the same keys into `python3 -i` and
compares the two transcripts. The readers the socket cells expect on ports
1111 and 1112 run in this process (in threads, reading slowly); if a port is
taken, the typed cells name a free one instead.

A person typing a notebook cell into a REPL must do two things the notebook
did not need: end a block with an empty line before the next statement at the
left margin, and leave out the empty lines inside a function (an empty line
ends a block). Both are done here, and the README says so.
"""
import fcntl
import os
import pty
import re
import select
import socket
import struct
import sys
import termios
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'samples'))
import join_cells  # noqa: E402

PROMPTS = ('>>> ', '... ')
CONTINUATIONS = ('else', 'elif', 'except', 'finally')


def keystrokes(cells):
    """The lines a person types for the cells, blank lines included."""
    typed = []
    in_block = False
    for _, text in cells:
        lines = text.split('\n')
        for i, line in enumerate(lines):
            if line == '':
                rest = [l for l in lines[i + 1:] if l.strip()]
                if in_block and rest and rest[0][0] in ' \t':
                    continue          # an empty line inside a function would end it
                if in_block:
                    typed.append('')
                    in_block = False
                continue
            at_margin = line[0] not in ' \t'
            if in_block and at_margin and line.split()[0].rstrip(':') not in CONTINUATIONS \
                    and not line.startswith('#'):
                typed.append('')
                in_block = False
            typed.append(line)
            if line.rstrip().endswith(':') and not line.lstrip().startswith('#'):
                in_block = True
        if in_block:
            typed.append('')
            in_block = False
    return typed


class Readers:
    """Slow readers on 127.0.0.1, one accepting thread per port."""

    def __init__(self, wanted):
        self.listeners = []
        self.ports = {}
        for port in wanted:
            ls = socket.socket()
            ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                ls.bind(('127.0.0.1', port))
            except OSError:
                ls.bind(('127.0.0.1', 0))
            ls.listen()
            self.ports[port] = ls.getsockname()[1]
            self.listeners.append(ls)
            threading.Thread(target=self.accept, args=(ls,), daemon=True).start()

    def accept(self, ls):
        while True:
            try:
                conn, _ = ls.accept()
            except OSError:
                return
            threading.Thread(target=self.drain, args=(conn,), daemon=True).start()

    @staticmethod
    def drain(conn):
        time.sleep(1.0)    # see talk_peers.py: a pause long enough for the sender to fill its buffers
        try:
            while conn.recv(65536):
                time.sleep(0.001)
        except OSError:
            pass
        conn.close()

    def stop(self):
        for ls in self.listeners:
            ls.shutdown(socket.SHUT_RDWR)
            ls.close()


def type_session(argv, lines, timeout=120):
    """Run argv on a pty, type each line after the prompt; the transcript."""
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM='dumb', PYTHONSTARTUP='', BATON_HISTORY='/dev/null')
        os.execvpe(argv[0], argv, env)
    # Wide enough for the longest cell line, so readline never scrolls a line sideways.
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, 250, 0, 0))
    out = bytearray()

    def read_until_prompt():
        """Read until a prompt that comes after everything read so far."""
        start = len(out)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if len(out) > start and out.decode('utf-8', 'replace').endswith(PROMPTS):
                return
            r, _, _ = select.select([fd], [], [], 0.5)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if not chunk:
                    return
                out.extend(chunk)
        raise RuntimeError('no prompt after %d s; screen ends:\n%s' % (timeout, out[-2000:]))

    read_until_prompt()
    for line in lines:
        os.write(fd, line.encode() + b'\r')
        read_until_prompt()
    os.write(fd, b'\x04')
    while True:
        try:
            r, _, _ = select.select([fd], [], [], 10)
            chunk = os.read(fd, 65536) if r else b''
        except OSError:
            break
        if not chunk:
            break
        out.extend(chunk)
    os.waitpid(pid, 0)
    return out.decode('utf-8', 'replace')


def normalize(transcript):
    text = re.sub(r'\x1b\[[0-9;?]*[A-Za-z]', '', transcript).replace('\r\n', '\n')
    text = text[text.index('>>> '):]                       # drop the banner
    text = re.sub(r' at 0x[0-9a-f]+', ' at 0x...', text)
    text = re.sub(r"(laddr|raddr)=\('127\.0\.0\.1', \d+\)", r"\1=(...)", text)
    text = re.sub(r'fd=\d+', 'fd=N', text)
    # In [56]'s first next() calls yield a descriptor number, which depends on
    # when each interpreter closed the sockets of the cells before.
    text = re.sub(r'(>>> next\(t[12]\)\n)\d+\n', r'\1N\n', text)
    # In [53]'s select() echoes once per round, and how many rounds it takes
    # depends on the reader's pace: keep one line per run of echoes.
    lines = []
    for line in text.split('\n'):
        if line.startswith('([], [<socket.socket') and lines and lines[-1] == line:
            continue
        lines.append(line)
    text = '\n'.join(lines)
    return text.replace('\n... \n... ', '\n... ')


def main():
    baton, talk_dir = sys.argv[1], sys.argv[2]
    parts = sorted(os.path.join(talk_dir, f) for f in os.listdir(talk_dir)
                   if re.match(r'\d\d_.*\.py$', f))
    cells = [c for part in parts for c in join_cells.cells(part)]
    readers = Readers((1111, 1112))
    lines = keystrokes(cells)
    for port, real in readers.ports.items():
        if port != real:
            lines = [l.replace(str(port), str(real)) for l in lines]
    try:
        got = normalize(type_session([baton], lines))
        want = normalize(type_session([sys.executable, '-q', '-i'], lines))
    finally:
        readers.stop()
    if got != want:
        import difflib
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                   'python3 -i', 'baton'))
        print('\n%d cells, %d lines typed: transcripts differ' % (len(cells), len(lines)))
        return 1
    # What the notebook shows for its socket cells, In [49] to In [56].
    sent = re.findall(r'^>>> print\(len_data_sent == len\(data\)\)\n(\w+)$', got, re.M)
    left = re.findall(r'^>>> print\(len\(data\)\)\n(\d+)$', got, re.M)
    if sent != ['True', 'True', 'False'] or left != ['0'] or \
            not got.rstrip().endswith('>>> s.join()\nFinished\nFinished\n>>> # Mutual Recursion w/ AsyncIO'
                                      '\n>>> # Due diligence\n>>>'):
        print('the socket cells did not print what the notebook shows:', sent, left)
        print(got[-600:])
        return 1
    print('%d cells, %d lines typed: the transcripts agree' % (len(cells), len(lines)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
