# Binary files, sockets, io.BytesIO and b'%b' take any bytes-like object.
import io
import socket
from array import array

data = array('B', b'array|')
with open('io_bytes_like.tmp', 'wb') as f:
    print(f.write(bytearray(b'ba|')), f.write(memoryview(b'view|')[1:]), f.write(data))
with open('io_bytes_like.tmp', 'rb') as f:
    print(f.read())
a, b = socket.socketpair()
a.sendall(memoryview(b'hello '))
a.send(bytearray(b'world'))
print(b.recv(100))
a.close()
b.close()
buf = io.BytesIO(bytearray(b'start:'))
buf.seek(0, 2)
buf.write(memoryview(b'more'))
print(buf.getvalue(), io.BytesIO(array('h', [0x4142])).read())
print(b'%b/%s' % (memoryview(b'mv'), bytearray(b'ba')), b'%b' % array('B', b'z'))
for bad in (lambda: io.BytesIO(5), lambda: open('io_bytes_like.tmp', 'wb').write(5)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
