import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(('localhost', 1111))
sock.setblocking(0) # Now does not wait for I/O to complete

data = ('TASK_ONE ' * 1024 ** 2).encode()
len_data_sent = sock.send(data)
print(len_data_sent == len(data))
