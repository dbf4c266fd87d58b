"""io: in-memory text and byte streams (StringIO, BytesIO), as CPython's io.

Files on disk come from the builtin open() (stdlib/fileio.c); this module
holds the streams that live in memory, which is what tests and pipelines
reach for: print(..., file=StringIO()), reading a str line by line, building
bytes piece by piece. A stream keeps its text in one str (or bytes) plus a
list of pieces appended at the end, joined when needed, so a loop of writes
costs what the text costs, not its square.
"""

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    """What every stream answers: closing, context management, iteration by line."""

    def __init__(self):
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file")

    def __enter__(self):
        self._check_open()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_open()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readable(self):
        self._check_open()
        return True

    # An in-memory stream is read, written and seeked alike; never a terminal.
    writable = seekable = readable

    def isatty(self):
        self._check_open()
        return False

    def flush(self):
        self._check_open()

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        lines, total = [], 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_open()
        for line in lines:
            self.write(line)


class _MemoryStream(IOBase):
    """The shared body of StringIO and BytesIO; _empty is '' or b''."""

    _empty = ''

    def __init__(self, initial):
        IOBase.__init__(self)
        self._value = initial
        self._pieces = []  # written at the end, not yet joined into _value
        self._size = len(initial)
        self._pos = 0

    def _joined(self):
        if self._pieces:
            self._value = self._value + self._empty.join(self._pieces)
            self._pieces = []
        return self._value

    def _store(self, data):
        """Write data at the position, padding a gap past the end with zeros."""
        n = len(data)
        if self._pos == self._size:
            self._pieces.append(data)
        else:
            value = self._joined()
            if self._pos > self._size:
                value = value + self._zeros(self._pos - self._size)
            self._value = value[:self._pos] + data + value[self._pos + n:]
        self._pos += n
        self._size = max(self._size, self._pos)
        return n

    def getvalue(self):
        self._check_open()
        return self._joined()

    def tell(self):
        self._check_open()
        return self._pos

    def read(self, size=-1):
        self._check_open()
        value = self._joined()
        if size is None or size < 0:
            size = len(value)
        data = value[self._pos:self._pos + size]
        self._pos = min(self._size, self._pos + size) if self._pos < self._size else self._pos
        return data

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("Negative size value %d" % size)
        if size < self._size:
            self._value = self._joined()[:size]
            self._size = size
        return size


class StringIO(_MemoryStream):
    """A text stream over a str."""

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s" % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        self._newline = newline
        _MemoryStream.__init__(self, self._translate(initial_value))

    def _translate(self, s):
        if self._newline is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return s.replace('\n', self._newline)
        return s

    def _zeros(self, n):
        return '\0' * n

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)

    @property
    def newlines(self):
        return None

    def write(self, s):
        self._check_open()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        self._store(self._translate(s))
        return len(s)

    def readline(self, size=-1):
        self._check_open()
        value = self._joined()
        start = self._pos
        if start >= self._size:
            return ''
        if self._newline == '':
            end = start
            while end < self._size and value[end] not in '\r\n':
                end += 1
            if end < self._size:
                end += 2 if value[end:end + 2] == '\r\n' else 1
        else:
            mark = '\n' if self._newline is None else self._newline
            found = value.find(mark, start)
            end = self._size if found < 0 else found + len(mark)
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return value[start:end]

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence in (1, 2):
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
            if whence == 2:
                self._pos = self._size
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos


class BytesIO(_MemoryStream):
    """A binary stream over bytes."""

    _empty = b''

    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        _MemoryStream.__init__(self, self._as_bytes(initial_bytes))

    @staticmethod
    def _as_bytes(data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if isinstance(data, bytes):
            return bytes(data)
        try:
            view = memoryview(data)  # bytearray, array.array, memoryview
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(data).__name__) from None
        return view.tobytes()

    def _zeros(self, n):
        return bytes(n)

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)

    def write(self, b):
        self._check_open()
        data = self._as_bytes(b)
        return self._store(data)

    def read1(self, size=-1):
        return self.read(size)

    def readinto(self, buffer):
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size=-1):
        self._check_open()
        value = self._joined()
        start = self._pos
        if start >= self._size:
            return b''
        found = value.find(b'\n', start)
        end = self._size if found < 0 else found + 1
        if size is not None and size >= 0:
            end = min(end, start + size)
        self._pos = end
        return value[start:end]

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._size + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos
