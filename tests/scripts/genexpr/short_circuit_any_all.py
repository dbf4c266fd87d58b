def noisy(x):
    print("test", x)
    return x
print(any(noisy(x) for x in [0, 0, 5, 0, 7]))
print(all(noisy(x) for x in [1, 2, 0, 3]))
g = (noisy(x) for x in [0, 9, 8])
print(any(g), list(g))
