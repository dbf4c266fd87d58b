import errno
for code in [errno.ENOENT, errno.EAGAIN, errno.EPIPE, errno.ECONNREFUSED, errno.ECONNRESET, errno.ETIMEDOUT, errno.EINVAL]:
    e = OSError(code, "text")
    print(code, type(e).__name__, e.errno, e.strerror, e)
