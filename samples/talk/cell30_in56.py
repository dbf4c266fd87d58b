import socket
import select

def send_msg(port, msg):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(('localhost', port))
    sock.setblocking(0)

    data = (msg).encode()

    while data:
        try:
            len_data_sent = sock.send(data)
            data = data[len_data_sent:]
        except BlockingIOError:
            yield (sock.fileno()) # When socket is unwrittable, yield socket fd to scheduler

s = Scheduler()
t1 = send_msg(1111, 'TASK_ONE ' * 2 * 1024 ** 2)
t2 = send_msg(1112, 'task_two ' * 2 * 1024 ** 2)
next(t1)
next(t2)
s.add(t2)
s.add(t1)
s.join()
