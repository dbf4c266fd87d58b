# Operands, arguments, chained comparisons and augmented targets are evaluated
# once each, left to right.
log = []
def v(name, value):
    log.append(name)
    return value
print(v("a", 1) < v("b", 2) < v("c", 0) < v("d", 5), log)
log.clear()
d = {"k": 1}
def key():
    log.append("key")
    return "k"
def obj():
    log.append("obj")
    return d
obj()[key()] += v("rhs", 10)
print(d, log)
log.clear()
class P:
    x = 1
p = P()
def get_p():
    log.append("p")
    return p
get_p().x *= v("m", 3)
print(p.x, log)
log.clear()
def f(*a, **k):
    return a, k
print(f(v("1", 1), *[v("2", 2)], v("3", 3), k=v("4", 4), **{"z": v("5", 5)}), log)
log.clear()
x = [v("x1", 1), *v("x2", [2, 3]), v("x3", 4)]
print(x, log)
log.clear()
print({v("k1", "a"): v("v1", 1), **v("m", {"b": 2}), v("k2", "c"): v("v2", 3)}, log)
a, (b, *c), d2 = 1, (2, 3, 4), 5
print(a, b, c, d2)
i = 0
lst = [0, 0, 0]
i, lst[i] = 1, 9
print(i, lst)
