# map() and filter() call their function from C for every item.
def via_map(n):
    if n == 0:
        return 0
    return list(map(lambda x: via_map(x - 1) + 1, [n]))[0]


def via_filter(n):
    if n == 0:
        return 0
    return len(list(filter(lambda x: via_filter(x - 1) >= 0, [n]))) + via_filter_count(n)


def via_filter_count(n):
    return 0


print(via_map(200), via_filter(200))
for f in (via_map, via_filter):
    try:
        f(100000)
    except RecursionError as e:
        print(f.__name__, type(e).__name__, e)
print(via_map(200))
