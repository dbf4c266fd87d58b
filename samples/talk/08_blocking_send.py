# The talk "From Coroutines to Concurrency", part 8, cooperative multitasking to concurrency:
# a blocking send() waits until the reader has taken every byte.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# The readers the cells send to are started here (talk_peers.py).

# ---- not a cell: start the readers the notebook had on ports 1111 and 1112
import talk_peers
talk_peers.start()

# ---- In [None]
# Cooperative Multitasking to Concurrency

# ---- In [49]
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(('localhost', 1111))

data = ('TASK_ONE ' * 1024 ** 2).encode()
len_data_sent = sock.send(data)
print(len_data_sent == len(data))

# ---- In [50]
import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(('localhost', 1112))

data = ('task_two ' * 1024 ** 2).encode()
len_data_sent = sock.send(data)
print(len_data_sent == len(data))

# ---- not a cell: stop the readers
talk_peers.stop()
