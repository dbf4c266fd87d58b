# The talk's concurrent write scheduler, with select() replaced by a fake readiness
# table so that it runs without sockets: tasks yield the "fd" they wait on.
class FakeSocket:
    def __init__(self, fd, capacity):
        self.fd, self.capacity, self.sent = fd, capacity, 0
    def send(self, data):
        if self.capacity == 0:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        n = min(len(data), self.capacity)
        self.capacity -= n
        self.sent += n
        return n

def send_msg(sock, msg):
    data = msg.encode()
    while data:
        try:
            n = sock.send(data)
            data = data[n:]
        except BlockingIOError:
            yield sock.fd

class Scheduler:
    def __init__(self, sockets):
        self.tasks = []
        self.write_waiting = {}
        self.sockets = sockets
    def add(self, task):
        self.tasks.append(task)
    def join(self):
        while self.tasks or self.write_waiting:
            if self.tasks:
                task = self.tasks.pop(0)
                try:
                    fd = next(task)
                    self.write_waiting[fd] = task
                except StopIteration:
                    print('Finished')
            for fd in list(self.write_waiting):
                self.sockets[fd].capacity = 4
                self.tasks.append(self.write_waiting.pop(fd))

s1, s2 = FakeSocket(3, 5), FakeSocket(4, 2)
s = Scheduler({3: s1, 4: s2})
s.add(send_msg(s2, "task_two " * 2))
s.add(send_msg(s1, "TASK_ONE " * 3))
s.join()
print(s1.sent, s2.sent)
