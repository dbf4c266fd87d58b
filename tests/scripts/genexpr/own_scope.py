x = "outer x"
g = (x for x in range(3))
print(list(g), x)
total = sum(i for i in range(5))
try:
    print(i)
except NameError as e:
    print(type(e).__name__, e)
