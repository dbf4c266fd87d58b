# == and < on lists and tuples nested deeper than the recursion limit
# (1500 levels: past every limit, and quick under BATON_GC_STRESS=1.)
# recurse in C, one level per nesting.
a, b = [], []
for i in range(40):
    a, b = [a], [b]
print(a == b, a != b, a < b, a <= b)
ta, tb = (), (1,)
for i in range(40):
    ta, tb = (ta,), (tb,)
print(ta == tb, ta < tb)
for i in range(1500):
    a, b = [a], [b]
    ta, tb = (ta,), (tb,)
for x, y in ((a, b), (ta, tb)):
    for test in (lambda: x == y, lambda: x < y, lambda: x != y, lambda: x in [y]):
        try:
            test()
        except RecursionError as e:
            print(type(e).__name__, e)
print(a is a, [1, [2]] == [1, [2]])
