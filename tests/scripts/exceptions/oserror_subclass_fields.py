# errno, strerror and filename on OSError subclasses, built-in and user-defined.
class E(OSError):
    pass


class F(ConnectionError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = len(args)


e = E(2, 'No such file or directory')
print(e.errno, e.strerror, e.filename, e.args, str(e))
f = F(111, 'Connection refused')
print(type(f).__name__, f.errno, f.strerror, f.extra, f)
try:
    raise ConnectionRefusedError(111, 'Connection refused')
except OSError as err:
    print(type(err).__name__, err.errno, err.strerror, err)
g = OSError(2, 'No such file or directory', 'f.txt')
print(type(g).__name__, g.errno, g.filename, g)
print(FileNotFoundError('just text').errno, E('one').strerror, E().args)
print(isinstance(E(2, 'x'), OSError), E(2, 'x').errno + 1)
