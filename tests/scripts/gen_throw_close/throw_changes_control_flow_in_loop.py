class Skip(Exception):
    pass
def items():
    for i in range(5):
        try:
            yield i
        except Skip:
            print("skipping after", i)
            continue
g = items()
print(next(g))
print(g.throw(Skip))
print(next(g))
print(g.throw(Skip()))
print(list(g))
