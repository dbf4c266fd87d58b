a = {"x": 1, "y": 2}
b = {"y": 2, "x": 1}
print(a == b, a != b, list(a) == list(b))
print("x" in a, 1 in a, "z" not in a)
print({1: 1} == {1.0: 1}, {True: 'a'} == {1: 'a'})
try:
    a < b
except TypeError as e:
    print(type(e).__name__, e)
