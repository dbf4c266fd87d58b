b = b"hello"
print(b[0], b[-1], type(b[0]).__name__)
print(b[1:3], b[::-1], b[:0])
print(list(b))
for x in b"AB":
    print(x)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
