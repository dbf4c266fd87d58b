import errno
print(errno.ENOENT, errno.EEXIST, errno.EINTR, errno.EBADF, errno.EAGAIN, errno.EINVAL, errno.EPIPE)
print(errno.ECONNREFUSED, errno.ECONNRESET, errno.ETIMEDOUT, errno.EINPROGRESS, errno.EWOULDBLOCK == errno.EAGAIN)
print(errno.EACCES, errno.EADDRINUSE, errno.ENOTCONN, errno.EISCONN)
