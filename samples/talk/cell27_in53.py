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
