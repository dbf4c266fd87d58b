# io.StringIO and io.BytesIO: writing, reading, seeking, newlines and errors.
import io
print(repr(io.StringIO('a\r\nb\rc', newline=None).getvalue()), repr(io.StringIO('a\r\nb\rc').getvalue()))
print(io.StringIO('a\r\nb\rc', newline='').readlines(), repr(io.StringIO('a\nb', newline='\r\n').getvalue()))
s = io.StringIO()
s.write('hello')
s.seek(10)
s.write('x')
print(repr(s.getvalue()), s.tell())
s = io.StringIO('abcdef')
print(s.read(2), s.tell(), s.seek(0, 2), repr(s.read()), s.seek(1), s.truncate(), repr(s.getvalue()), s.truncate(3), s.getvalue())
for bad in ['s.seek(1, 1)', 's.seek(-1)', 's.write(3)', 'io.StringIO(3)', 'io.StringIO(newline="x")', 's.seek(0, 3)',
            'io.BytesIO(5)', 'io.BytesIO("s")', 'io.BytesIO().write("s")', 'io.BytesIO().seek(-10)']:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
s.close()
try:
    s.read()
except ValueError as e:
    print(type(e).__name__, e)
print(s.closed, io.StringIO().readable(), repr(io.StringIO('a\nb\n').readline()), list(io.StringIO('x\ny')))
out = io.StringIO()
print('one', 2, [3], sep='-', file=out)
print('line two', file=out, end='!\n')
out.writelines(['a\n', 'b\n'])
print(repr(out.getvalue()), out.tell())
out.seek(0)
print([line.rstrip() for line in out], out.readline() == '')
with io.StringIO('ctx\n') as f:
    print(f.read(), f.closed)
print(f.closed)
big = io.StringIO()
for i in range(10000):
    big.write('%d,' % i)
print(len(big.getvalue()), big.getvalue()[-10:])
b = io.BytesIO(b'abc')
print(b.read(1), b.getvalue(), b.write(b'ZZZZ'), b.getvalue(), b.tell(), b.seek(-2, 2), b.read())
b = io.BytesIO()
b.write(b'line1\nline2\n')
b.write(bytearray(b'tail'))
b.seek(0)
print(b.readline(), b.readlines(), b.read(), b.seek(3), b.read(2), b.seek(2, 1), b.read())
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.StringIO('abc').read(-1), io.StringIO('abc').read(None), io.StringIO('a\nbc').readline(1), io.StringIO('abc').readline(0) == '')
buf = bytearray(4)
src = io.BytesIO(b'123456')
print(src.readinto(buf), buf, src.readinto(buf), buf, src.readinto(buf))
