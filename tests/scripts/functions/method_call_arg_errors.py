class C:
    def m(self, a):
        return a
c = C()
try:
    c.m()
except TypeError as e:
    print(e)
try:
    c.m(1, 2)
except TypeError as e:
    print(e)
try:
    C.m(1)
except TypeError as e:
    print(e)
try:
    c.m(a=1, b=2)
except TypeError as e:
    print(e)
