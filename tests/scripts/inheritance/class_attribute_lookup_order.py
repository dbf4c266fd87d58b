class A:
    x = "A.x"
    y = "A.y"
class B(A):
    x = "B.x"
class C(B):
    pass
c = C()
print(c.x, c.y, C.x)
c.x = "instance"
print(c.x, C.x)
A.y = "changed"
print(c.y)
