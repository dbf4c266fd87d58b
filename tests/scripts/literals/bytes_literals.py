b = b'abc\x00\xff'
print(b)
print(len(b), b[0], b[-1])
print(rb'\n', br'\t')
print(b"it's")
print(b'\n\t\\')
print(type(b).__name__)
