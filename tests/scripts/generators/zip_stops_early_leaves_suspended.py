def gen(name, n):
    for i in range(n):
        print(name, "yields", i)
        yield i
a = gen("a", 5)
b = gen("b", 2)
print(list(zip(a, b)))
print("a continues:", next(a))
