# A value a generator yields usually goes straight into a local (the loop
# variable of a for, or `x = next(g)`, `x = g.send(v)`): each resumer and
# each kind of following instruction, inside functions so the stores are fast.


def count(n):
    i = 0
    while i < n:
        sent = yield i
        if sent is not None:
            i = sent
        i += 1


def squares(n):
    for v in count(n):
        yield v * v


def main():
    total = 0
    for x in squares(5):
        total += x
    print("total", total, "last", x)
    g = count(10)
    a = next(g)
    b = g.send(5)
    c = next(g)
    print(a, b, c)
    pairs = []
    for p in count(3):
        for q in count(2):
            pairs.append((p, q))
    print(pairs)
    for y in count(3):
        pass
    print("y", y)
    it = count(2)
    print([next(it), next(it)])
    try:
        z = next(it)
    except StopIteration:
        print("stopped; z unbound:", "z" not in locals())


main()
