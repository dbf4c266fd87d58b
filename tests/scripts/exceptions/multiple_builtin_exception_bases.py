# Exception classes with several built-in exception bases: laid out alike, so
# allowed (CPython's solid-base rule); list and dict still conflict.
class U(OSError, ValueError):
    pass
u = U(2, 'gone')
print(isinstance(u, ValueError), isinstance(u, OSError), u.errno, u.strerror, U.__mro__)
class E(KeyError, OSError):
    pass
print(E.__mro__, E('k'))
try:
    raise U(5, 'io')
except ValueError as e:
    print('caught as ValueError:', e)
try:
    class L(list, dict):
        pass
except TypeError as e:
    print(e)
