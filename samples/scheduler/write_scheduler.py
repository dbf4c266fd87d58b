# The talk's concurrent write scheduler (In [54], In [56]) on Baton's built-in
# scheduler. Side by side with samples/talk/11_write_scheduler.py:
#   the talk: send_msg yields its socket's fd; Scheduler.join polls select()
#             with a zero timeout, round after round, even when nothing can go on.
#   here:     send_msg yields scheduler.writable(sock); the scheduler sleeps in
#             epoll until the socket can take more, and the readers are tasks too.
import socket

import scheduler


def listener():
    """A socket on 127.0.0.1 (a free port), as the talk's peers on 1111 and 1112."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    srv.setblocking(False)
    return srv


def slow_reader(srv, name):
    """Accept one connection and read it slowly, so that the writer fills it."""
    yield scheduler.readable(srv)
    conn, _ = srv.accept()
    conn.setblocking(False)
    total = 0
    while True:
        yield scheduler.readable(conn)
        data = conn.recv(65536)
        if not data:
            break
        total += len(data)
        yield scheduler.sleep(0.001)
    conn.close()
    srv.close()
    return "%s read %d bytes" % (name, total)


def send_msg(port, msg):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(("localhost", port))
    sock.setblocking(0)

    data = msg.encode()
    waits = 0
    while data:
        try:
            len_data_sent = sock.send(data)
            data = data[len_data_sent:]
        except BlockingIOError:
            waits += 1
            yield scheduler.writable(sock)  # the scheduler wakes us when it can take more
    sock.close()
    print("Finished")
    return waits


one, two = listener(), listener()
readers = [scheduler.spawn(slow_reader(one, "reader one")),
           scheduler.spawn(slow_reader(two, "reader two"))]
t1 = scheduler.spawn(send_msg(one.getsockname()[1], "TASK_ONE " * 2 * 1024 ** 2))
t2 = scheduler.spawn(send_msg(two.getsockname()[1], "task_two " * 2 * 1024 ** 2))
scheduler.run()
print("each writer had to wait for its reader:", t1.result() > 0 and t2.result() > 0)
for r in readers:
    print(r.result())
