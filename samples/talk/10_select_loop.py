# The talk "From Coroutines to Concurrency", part 10, select():
# wait until the socket is writable, send what fits, repeat.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# The readers the cells send to are started here (talk_peers.py).

# ---- not a cell: start the readers the notebook had on ports 1111 and 1112
import talk_peers
talk_peers.start()

# ---- In [53]
import socket
import select

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(('localhost', 1111))
sock.setblocking(0)

data = ('TASK_ONE ' * 1024 ** 2).encode()

while data:
    select.select([], [sock], []) # Blocks until sock is free to write to
    len_data_sent = sock.send(data)
    data = data[len_data_sent:]

print(len(data))

# ---- not a cell: stop the readers
talk_peers.stop()
