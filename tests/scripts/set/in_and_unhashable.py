s = {1, 2, (3, 4)}
print(1 in s, (3, 4) in s, 5 not in s, 1.0 in s, True in s)
try:
    s.add([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] in s
except TypeError as e:
    print(type(e).__name__, e)
