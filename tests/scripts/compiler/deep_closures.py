# Cells through several levels: a lambda inside a generator expression inside
# a function inside a function, and a parameter captured by an inner function.
def outer(base):
    def middle(step):
        def inner():
            return list((lambda: base + step * i)() for i in range(3))
        step += 1
        return inner
    return middle
print(outer(10)(2)())
def counter(start):
    def inc(by=1):
        nonlocal start
        start += by
        return start
    def get():
        return start
    return inc, get
inc, get = counter(5)
inc(); inc(10)
print(get())
def make_adders():
    return [lambda x, i=i: x + i for i in range(3)], [lambda x: x + i for i in range(3)]
early, late = make_adders()
print([f(100) for f in early], [f(100) for f in late])
class K:
    def method(self):
        def helper():
            return __class__.__name__
        return helper()
print(K().method())
