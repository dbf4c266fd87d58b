import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)
print(deep(150))
try:
    deep(500)
except RecursionError as e:
    print(type(e).__name__, e)
sys.setrecursionlimit(old)
print(deep(800))
