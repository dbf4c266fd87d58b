import socket

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
sock.connect(('localhost', 1112))

data = ('task_two ' * 1024 ** 2).encode()
len_data_sent = sock.send(data)
print(len_data_sent == len(data))
