# The talk "From Coroutines to Concurrency", part 11, the concurrent write scheduler:
# two send_msg coroutines yield their socket when it is full, and a
# scheduler polls with select() to resume whichever can write.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# The readers the cells send to are started here (talk_peers.py).

# ---- not a cell: start the readers the notebook had on ports 1111 and 1112
import talk_peers
talk_peers.start()

# ---- not a cell: In [54] uses select, which the notebook imported in In [53]
import select

# ---- In [None]
# Concurrent write scheduler

# ---- In [54]
from time import sleep 

class Scheduler:
    def __init__(self):
        self.tasks = []
        self.write_waiting = {} # Maps sockets to tasks
    
    def add(self, task):
        self.tasks.append(task)
        
    def join(self):
        while self.tasks or self.write_waiting:
            if self.tasks:
                task = self.tasks.pop(0)
                try:
                    # Coroutines that do I/O now yield the socket they are waiting on
                    fd = next(task)
                    self.write_waiting[fd] = task
                except StopIteration:
                    print('Finished')
                    
            # Poll all waiting sockets and add them back to the task queue
            if self.write_waiting:
                r, w, e = select.select([],
                                        self.write_waiting.keys(),
                                        [],
                                        0) # Timeout. When zero we poll and do not block.
                for freed_fd in w:
                    freed_task = self.write_waiting[freed_fd]
                    self.write_waiting.pop(freed_fd, None)
                    self.tasks.append(freed_task)

# ---- In [56]
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

# ---- In [None]
# Mutual Recursion w/ AsyncIO

# ---- In [None]
# Due diligence

# ---- not a cell: stop the readers
talk_peers.stop()
