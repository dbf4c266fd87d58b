# sorted(key=) and list.sort(key=) call back into Python from C at every level.
def depth_sorted(n):
    if n == 0:
        return 0
    return sorted([n], key=lambda x: depth_sorted(x - 1))[0]


def depth_sort(n):
    if n == 0:
        return 0
    items = [n]
    items.sort(key=lambda x: depth_sort(x - 1))
    return items[0]


print(depth_sorted(150), depth_sort(150))
for f in (depth_sorted, depth_sort):
    try:
        f(100000)
    except RecursionError as e:
        print(f.__name__, type(e).__name__, e)
print(depth_sorted(150))
