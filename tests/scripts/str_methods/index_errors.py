s = "hello"
print(s.index("l"), s.index("lo"), s.index("h", 0))
try:
    s.index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    [1, 2].index(3)
except ValueError as e:
    print(type(e).__name__, e)
