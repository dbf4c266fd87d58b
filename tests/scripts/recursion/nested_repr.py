# repr() and str() of containers nested deeper than the recursion limit.
def nest_dict(n):
    d = {}
    for i in range(n):
        d = {i: d}
    return d


def nest_frozenset(n):
    s = frozenset()
    for i in range(n):
        s = frozenset([s])
    return s


def nest_list(n):
    x = []
    for i in range(n):
        x = [(x,)] if i % 2 else [x]
    return x


print(len(repr(nest_dict(100))), len(repr(nest_frozenset(100))), len(str(nest_list(100))))
for build in (nest_dict, nest_frozenset, nest_list):
    deep = build(1500)  # past every limit, and quick under BATON_GC_STRESS=1
    for show in (repr, str):
        try:
            show(deep)
        except RecursionError as e:
            print(build.__name__, show.__name__, type(e).__name__, e)
print(repr(nest_dict(3)), repr(nest_frozenset(2)))
