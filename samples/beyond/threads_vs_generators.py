# The same I/O job two ways: a thread per connection, or a generator task
# per connection on the built-in scheduler. Each connection sends a few
# requests to an echo peer over a socketpair and checks the answers; the
# peers are threads in the first run and tasks in the second.
# A thread costs an OS thread (its stack, a kernel schedule, GIL hand-offs);
# a task costs one suspended generator frame and a place in a queue. CPU
# time tells them apart on a busy machine too (wall time would depend on
# what else runs).
import socket
import threading
import time

import scheduler

CONNECTIONS = 300
REQUESTS = 3


def echo_peer(sock):
    """The other end of a connection, answering in its own thread."""
    while True:
        data = sock.recv(100)
        if not data:
            break
        sock.sendall(data.upper())
    sock.close()


def echo_peer_task(sock):
    """The same peer as a task."""
    sock.setblocking(False)
    while True:
        yield scheduler.readable(sock)
        data = sock.recv(100)
        if not data:
            break
        sock.sendall(data.upper())
    sock.close()


def pairs():
    made = [socket.socketpair() for _ in range(CONNECTIONS)]
    peers = [threading.Thread(target=echo_peer, args=(b,)) for _, b in made]
    for p in peers:
        p.start()
    return [a for a, _ in made], peers


def blocking_client(sock, results, i):
    answers = []
    for n in range(REQUESTS):
        sock.sendall(("req %d" % n).encode())
        answers.append(sock.recv(100))
    sock.close()
    results[i] = answers


def task_client(sock):
    sock.setblocking(False)
    answers = []
    for n in range(REQUESTS):
        sock.sendall(("req %d" % n).encode())
        yield scheduler.readable(sock)
        answers.append(sock.recv(100))
    sock.close()
    return answers


# With threads: one per connection (and one per peer).
results = [None] * CONNECTIONS
start = time.process_time()
socks, peers = pairs()
clients = [threading.Thread(target=blocking_client, args=(s, results, i))
           for i, s in enumerate(socks)]
for c in clients:
    c.start()
for c in clients:
    c.join()
for p in peers:
    p.join()
with_threads = time.process_time() - start

# With generator tasks: one per connection and one per peer, all in this thread.
made = [socket.socketpair() for _ in range(CONNECTIONS)]
start = time.process_time()
for _, b in made:
    scheduler.spawn(echo_peer_task(b))
tasks = [scheduler.spawn(task_client(a)) for a, _ in made]
scheduler.run()
with_tasks = time.process_time() - start

print("%d connections, %d requests each" % (CONNECTIONS, REQUESTS))
print("same answers both ways:", results == [t.result() for t in tasks])
print("first answers:", results[0])
print("the tasks took less CPU time than the threads:", with_tasks < with_threads)
