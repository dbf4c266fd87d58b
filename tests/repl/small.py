def add(a, b):
    c = a + b
    return c

def squares(n):
    for i in range(n):
        yield i * i

print(add(2, 3), list(squares(3)))
