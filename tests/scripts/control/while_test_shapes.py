# while loops test again at the bottom of the body: every shape of test (and/or/not, is None,
# lambdas and comprehensions in the test, True/False), continue, break and else.
def f(n):
    out = []
    i = 0
    while i < n and len(out) < 5:
        i += 1
        if i % 2:
            continue
        out.append(i)
    else:
        out.append('else')
    return out


def g(items):
    seen = []
    while items and (lambda x: x > 0)(items[-1]):
        seen.append(items.pop())
    while not seen or seen[-1] is None:
        seen.append(None)
        break
    node = {'next': {'next': None}}
    depth = 0
    while node is not None:
        depth += 1
        node = node['next']
    k = 3
    while sum(x for x in range(k)) < 20:
        k += 1
    while [y for y in range(k) if y > 100]:
        pass
    return seen, depth, k


def h():
    i = 0
    while True:
        i += 1
        if i > 3:
            break
    while False:
        i = 99
    j = 10
    while j:
        j -= 1
        try:
            if j == 5:
                raise ValueError(j)
        except ValueError as e:
            last = e
    return i, j, last


print(f(10), f(0), f(3))
print(g([1, -2, 3, 4]), g([]))
print(h())
