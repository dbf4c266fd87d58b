# Two classes: a's __add__ returning NotImplemented hands over to b's __radd__, and a subclass
# that overrides __radd__ is asked first (CPython's order; each side asked once).
log = []
class A:
    def __add__(self, o):
        log.append('A.add'); return NotImplemented
    def __radd__(self, o):
        log.append('A.radd'); return NotImplemented
class B(A):
    pass
class C(A):
    def __radd__(self, o):
        log.append('C.radd'); return 'C'
class D:
    def __radd__(self, o):
        log.append('D.radd'); return 'D'
    def __iadd__(self, o):
        log.append('D.iadd'); return NotImplemented
for x, y in [(A(), B()), (A(), C()), (B(), A()), (A(), D()), (B(), C())]:
    log.clear()
    try:
        r = x + y
    except TypeError as e:
        r = str(e)
    print(type(x).__name__, type(y).__name__, r, log)
log.clear(); d = D(); a = A()
try:
    d += a
except TypeError as e:
    print(e)
print(log)
log.clear(); a += D(); print(a, log)
class I(int):
    def __radd__(self, o): return 'I.radd'
class J(int): pass
print(J(1) + I(2), I(1) + J(2), 5 + I(1), I(1) + 5)
