print(0 or 'x', 'a' or 'b', [] or {} , 1 and 2, 0 and 2, None and 1)
print(not 0, not 'a', not None)
print(1 and [] or 'fallback')
def side(n):
    print("eval", n)
    return n
print(side(0) and side(1))
print(side(2) or side(3))
