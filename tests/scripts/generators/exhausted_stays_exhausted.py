def gen():
    yield "only"
g = gen()
print(list(g))
print(list(g))
for x in g:
    print("never")
print(next(g, "still exhausted"))
