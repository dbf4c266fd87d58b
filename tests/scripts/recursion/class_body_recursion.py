# A class statement runs its body as a function called from C.
def make(n):
    if n == 0:
        return 0

    class Level:
        depth = make(n - 1) + 1

    return Level.depth


print(make(200))
try:
    make(100000)
except RecursionError as e:
    print(type(e).__name__)
print(make(200))
