"""I/O-bound threads overlap: a thread blocked in sleep or recv gives the GIL up.

Four threads sleep 0.2 s and four wait 0.2 s for a reply on a socket. One
after the other that is 1.6 s; in threads it takes little more than 0.2 s.
"""
import socket
import threading
import time


def slow_reply(sock):
    time.sleep(0.2)
    sock.sendall(b"pong")


def wait_for_reply():
    a, b = socket.socketpair()
    replier = threading.Thread(target=slow_reply, args=(b,))
    replier.start()
    data = a.recv(4)
    replier.join()
    a.close()
    b.close()
    return data


start = time.perf_counter()
threads = [threading.Thread(target=time.sleep, args=(0.2,)) for _ in range(4)]
threads += [threading.Thread(target=wait_for_reply) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - start

print("eight threads, each blocked for 0.2 s (four in sleep, four in recv)")
print("one after the other they would take 1.6 s")
print("in threads they overlapped (well under the 1.6 s):", elapsed < 1.2)
print("the replies came through:", wait_for_reply() == b"pong")
