# With a raised recursion limit, Python-to-Python calls go deep: they take
# frames on the value stack, not the C stack.
import sys

sys.setrecursionlimit(10**6)


def count(n):
    return 0 if n == 0 else 1 + count(n - 1)


print(count(100000))
sys.setrecursionlimit(1000)
try:
    count(5000)
except RecursionError as e:
    print(type(e).__name__, e)
