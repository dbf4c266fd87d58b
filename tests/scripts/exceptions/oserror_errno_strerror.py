import errno
e = OSError(errno.ENOENT, "No such file or directory")
print(e.errno, e.strerror, str(e))
try:
    open("definitely_missing_file_12345.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno == errno.ENOENT, e.strerror)
    print(e)
    print(isinstance(e, OSError))
