# Writing through a view of bytes, uncaught: CPython's traceback and message.
data = b'frozen'
view = memoryview(data)
print(view[0])
view[0] = 70
