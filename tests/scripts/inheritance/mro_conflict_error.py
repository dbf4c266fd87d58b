class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class Z(A, B): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class W(X, X): pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class V(object, X): pass
except TypeError as e:
    print(type(e).__name__, e)
