a = [10, 20, 30, 20]
print(a.pop(), a)
print(a.pop(0), a)
print(a.pop(-1), a)
a.remove(20)
print(a)
b = [1, 2]
for f in [lambda: [].pop(), lambda: b.pop(5), lambda: b.pop(-3), lambda: [].pop(0), lambda: b.remove(99)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
print(b)
