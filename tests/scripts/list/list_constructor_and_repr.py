print(list(), list("ab"), list((1, 2)), list(range(3)), list({1: 'a', 2: 'b'}))
a = [1]
a.append(a)
print(a)
print(list([1, 2]) is not [1, 2])
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
