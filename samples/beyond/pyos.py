# A tiny operating system made of generators, in the style of the classic
# coroutine courses: tasks are generators, a task asks the kernel for a
# service by yielding a SystemCall object, and the kernel answers by sending
# the result back in. Tasks get ids, start other tasks, wait for each other,
# and wait for a socket to be readable or writable without blocking anyone.
import select
import socket


class Task:
    """A generator plus the value to send it on its next turn."""
    next_id = 0

    def __init__(self, target):
        Task.next_id += 1
        self.tid = Task.next_id
        self.target = target
        self.sendval = None

    def run(self):
        return self.target.send(self.sendval)


class SystemCall:
    """What a task yields to ask the kernel for something."""
    def handle(self, kernel, task):
        raise NotImplementedError


class GetTid(SystemCall):
    def handle(self, kernel, task):
        task.sendval = task.tid
        kernel.schedule(task)


class Spawn(SystemCall):
    def __init__(self, target):
        self.target = target

    def handle(self, kernel, task):
        task.sendval = kernel.new(self.target)
        kernel.schedule(task)


class Wait(SystemCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, kernel, task):
        if kernel.wait_for_exit(task, self.tid):
            task.sendval = True
        else:
            task.sendval = False
            kernel.schedule(task)


class ReadWait(SystemCall):
    def __init__(self, sock):
        self.sock = sock

    def handle(self, kernel, task):
        kernel.read_waiting[self.sock.fileno()] = task


class WriteWait(SystemCall):
    def __init__(self, sock):
        self.sock = sock

    def handle(self, kernel, task):
        kernel.write_waiting[self.sock.fileno()] = task


class Kernel:
    def __init__(self):
        self.ready = []
        self.tasks = {}
        self.exit_waiting = {}
        self.read_waiting = {}
        self.write_waiting = {}

    def new(self, target):
        task = Task(target)
        self.tasks[task.tid] = task
        self.schedule(task)
        return task.tid

    def schedule(self, task):
        self.ready.append(task)

    def exit(self, task):
        print('kernel: task %d exits' % task.tid)
        del self.tasks[task.tid]
        for waiter in self.exit_waiting.pop(task.tid, []):
            self.schedule(waiter)

    def wait_for_exit(self, task, tid):
        if tid in self.tasks:
            self.exit_waiting.setdefault(tid, []).append(task)
            return True
        return False

    def poll_io(self, timeout):
        if not self.read_waiting and not self.write_waiting:
            return
        r, w, _ = select.select(list(self.read_waiting), list(self.write_waiting), [], timeout)
        for fd in r:
            self.schedule(self.read_waiting.pop(fd))
        for fd in w:
            self.schedule(self.write_waiting.pop(fd))

    def mainloop(self):
        while self.tasks:
            self.poll_io(0 if self.ready else None)
            # One round: the tasks ready now; those they wake run next round.
            round_, self.ready = self.ready, []
            for task in round_:
                try:
                    request = task.run()
                except StopIteration:
                    self.exit(task)
                    continue
                if isinstance(request, SystemCall):
                    request.handle(self, task)
                else:
                    task.sendval = None
                    self.schedule(task)


def counter(label, n):
    tid = yield GetTid()
    for i in range(n):
        print('%s (task %d): step %d' % (label, tid, i))
        yield


def parent():
    tid = yield GetTid()
    print('parent (task %d): starting two children' % tid)
    a = yield Spawn(counter('child A', 2))
    b = yield Spawn(counter('child B', 3))
    yield Wait(a)
    print('parent: child %d is done' % a)
    yield Wait(b)
    print('parent: child %d is done' % b)


def reader(sock, nmessages):
    for _ in range(nmessages):
        yield ReadWait(sock)
        print('reader got', sock.recv(100))
    sock.close()


def writer(sock, messages):
    for msg in messages:
        yield WriteWait(sock)
        sock.send(msg)
        print('writer sent', msg)
        yield   # give the reader a turn before the next message
    sock.close()


kernel = Kernel()
kernel.new(parent())
left, right = socket.socketpair()
left.setblocking(False)
right.setblocking(False)
kernel.new(reader(right, 3))
kernel.new(writer(left, [b'ping', b'pong', b'bye']))
kernel.mainloop()
print('all tasks done')
