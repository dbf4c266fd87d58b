# := in a comprehension binds in the enclosing function (or module), not the comprehension.
def last_big(xs):
    [(big := x) for x in xs if x > 2]
    return big
print(last_big([1, 5, 3, 0]))
total = 0
partial = [total := total + v for v in (1, 2, 3)]
print(partial, total)
def nested():
    found = None
    [[(found := (i, j)) for j in range(2) if i == j == 1] for i in range(3)]
    return found
print(nested())
if (n := len("four")) > 3:
    print("n is", n)
while (chunk := [1, 2, 3][:n]) and n > 1:
    n -= 1
print(chunk, n)
