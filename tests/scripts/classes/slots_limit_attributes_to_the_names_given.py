# __slots__: each name becomes a member descriptor; when every class above
# has __slots__ too (or is object) and none names __dict__, an instance takes
# no other attribute and has no __dict__; CPython's errors for bad slots.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, P.x, type(P.x).__name__, P.__slots__)
for stmt in ("p.y", "p.z = 3", "p.__dict__", "vars(p)", "del p.y"):
    try:
        exec(stmt)
        print(stmt, "ok")
    except (AttributeError, TypeError) as e:
        print(stmt, type(e).__name__, e)
p.y = 5
print(p.y, hasattr(p, "y"), getattr(p, "z", "none"))
del p.y
print(hasattr(p, "y"))
class Q(P):
    pass
q = Q(2)
q.z = 3
print(q.z, q.__dict__['z'])
class R(P):
    __slots__ = ("w",)
r = R(3)
r.w = 4
try:
    r.v = 1
except AttributeError as e:
    print(e)
class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__['b'])
class T:
    __slots__ = "only"
t_ = T()
t_.only = 9
print(t_.only)
class E:
    __slots__ = ()
e = E()
try:
    e.x = 1
except AttributeError as err:
    print(err)
for body in ("__slots__ = ('a',)\n    a = 1", "__slots__ = (1,)", "__slots__ = ('a b',)"):
    try:
        exec("class X:\n    " + body)
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
