# sys.exc_info() inside and outside generators resumed by for, send() and yield from,
# with and without an exception being handled on either side (the resume fast path
# must hand the handled exception over exactly as the general one).
import sys

def gen():
    print("start", sys.exc_info()[0])
    yield 1
    print("after 1", sys.exc_info()[0])
    try:
        raise KeyError("k")
    except KeyError:
        yield 2
        print("in except", sys.exc_info()[0])
    yield 3
    print("after 3", sys.exc_info()[0])

g = gen()
for v in g:
    print("got", v, sys.exc_info()[0])
    if v == 2:
        try:
            raise ValueError("v")
        except ValueError:
            print("caller handles", sys.exc_info()[0])

def sender():
    while True:
        x = yield
        print("recv", x, sys.exc_info()[0])

s = sender(); next(s)
try:
    raise IndexError
except IndexError:
    s.send(1)
    print("caller after send", sys.exc_info()[0])
s.send(2)

def inner():
    yield 1
    yield 2
def outer():
    try:
        raise TypeError
    except TypeError:
        r = yield from inner()
        print("outer", sys.exc_info()[0])
for v in outer():
    print("v", v, sys.exc_info()[0])
