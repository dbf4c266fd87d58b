# A chat server and its clients as generator tasks in one thread. A task
# yields a request when it would block, as in a small operating system:
# ('read', sock) parks it until select() says sock is readable, ('spawn',
# gen) starts another task, and a bare `yield` gives the others a turn.
# One task accepts connections, one task per connection
# relays each line to the other members, and each client joins, talks,
# says bye and prints what it heard. Nothing ever blocks the whole program.
import select
import socket

members = {}   # connection -> member name


def acceptor(listener, how_many):
    for _ in range(how_many):
        yield ('read', listener)
        conn, _ = listener.accept()
        yield ('spawn', member(conn))
    listener.close()


def member(conn):
    name = None
    buffered = b''
    while True:
        yield ('read', conn)
        data = conn.recv(1024)
        if not data:                # the client went away without a bye
            line = 'bye'
            data = b'bye\n'
        buffered += data
        while b'\n' in buffered:
            line, buffered = buffered.split(b'\n', 1)
            line = line.decode()
            if name is None:
                name = line
                members[conn] = name
                print('server: %s joined' % name)
                relay(conn, '* %s joined' % name)
            elif line == 'bye':
                print('server: %s left' % name)
                del members[conn]
                relay(conn, '* %s left' % name)
                conn.sendall(b'ok\n')
                conn.close()
                return
            else:
                print('server: %s says %r' % (name, line))
                relay(conn, '%s: %s' % (name, line))
            conn.sendall(b'ok\n')     # the sender's cue to go on


def relay(sender, text):
    for conn in members:
        if conn is not sender:
            conn.sendall((text + '\n').encode())


def client(address, name, lines):
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(address)
    heard = []
    pending = b''
    for line in [name] + lines + ['bye']:
        sock.sendall((line + '\n').encode())
        # Collect what the others said until the server's ok for this line.
        while True:
            while b'\n' not in pending:
                yield ('read', sock)
                pending += sock.recv(1024)
            said, pending = pending.split(b'\n', 1)
            if said == b'ok':
                break
            heard.append(said.decode())
        yield                       # a give-way between lines: let the others talk
    sock.close()
    print('%s heard: %s' % (name, heard))


def run(tasks):
    ready = list(tasks)
    readers = {}   # socket -> task parked until it is readable
    while ready or readers:
        if readers:
            r, _, _ = select.select(list(readers), [], [], 0 if ready else None)
            for sock in r:
                ready.append(readers.pop(sock))
        this_round, ready = ready, []
        for task in this_round:
            try:
                request = next(task)
            except StopIteration:
                continue
            if request is None:
                ready.append(task)
            elif request[0] == 'read':
                readers[request[1]] = task
            elif request[0] == 'spawn':
                ready.append(request[1])
                ready.append(task)


# A Unix socket with a name the kernel picks (bind('')): unlike TCP on
# 127.0.0.1, whose delivery can lag a little on a busy machine, a Unix
# socket has the bytes waiting at the other end when send() returns, so
# the order of events, and this program's output, never depends on timing.
listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
listener.bind('')
listener.listen()
address = listener.getsockname()
run([acceptor(listener, 3),
     client(address, 'ann', ['hello', 'anyone here?']),
     client(address, 'bob', ['hi ann']),
     client(address, 'cy', ['hey all', 'what did I miss?'])])
print('chat over')
