# sys.getsizeof: Baton's sizes are its own (README), so only how they
# compare is checked here: bigger containers and strings take more.
import sys


class Point:
    pass


print(type(sys.getsizeof(1)).__name__, sys.getsizeof(Point()) > 0, sys.getsizeof(None) > 0)
print(sys.getsizeof([1, 2, 3]) > sys.getsizeof([]), sys.getsizeof("a" * 100) > sys.getsizeof("a"))
print(sys.getsizeof(tuple(range(50))) > sys.getsizeof(()), sys.getsizeof(b"x" * 64) > sys.getsizeof(b""))
print(sys.getsizeof({i: i for i in range(100)}) > sys.getsizeof({}))
print(sys.getsizeof(set(range(100))) > sys.getsizeof(set()), sys.getsizeof(2 ** 200) > sys.getsizeof(2 ** 100))
print(sys.getsizeof([], 0) == sys.getsizeof([]))
try:
    sys.getsizeof()
except TypeError as e:
    print("TypeError")
