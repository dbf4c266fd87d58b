x = "outer"
lst = [x for x in range(3)]
print(x, lst)
y = 10
print([y + i for i in range(3)])
try:
    [undefined_inside for i in range(1)]
except NameError as e:
    print(type(e).__name__, e)
print([i for i in range(2)], "i" in dir())
