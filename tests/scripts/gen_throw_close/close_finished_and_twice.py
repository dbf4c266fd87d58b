def gen():
    try:
        yield 1
    finally:
        print("cleanup once")
g = gen()
next(g)
print(g.close())
print(g.close())
h = gen()
list(h)
print(h.close())
