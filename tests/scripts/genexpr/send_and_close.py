g = (x * 2 for x in range(5))
print(g.send(None))
print(next(g))
try:
    print(g.send("value"))
except Exception as e:
    print(type(e).__name__, e)
h = (x for x in range(3))
print(next(h))
h.close()
print(list(h), h.gi_frame is None)
