# gettimeout/getblocking follow settimeout and setblocking, as in CPython.
import socket

s = socket.socket()
print(s.gettimeout(), s.getblocking())
for value in [2, 0.25, 0, None, 1.5, True]:
    s.settimeout(value)
    print(repr(value), s.gettimeout(), s.getblocking())
s.setblocking(False)
print(s.gettimeout(), s.getblocking())
s.setblocking(True)
print(s.gettimeout(), s.getblocking())
for bad in [-1, 'x', float('nan'), 1e300]:
    try:
        s.settimeout(bad)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
s.close()
