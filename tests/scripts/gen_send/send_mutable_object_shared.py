def appender():
    while True:
        lst = yield
        lst.append(len(lst))
g = appender()
next(g)
data = []
for _ in range(3):
    g.send(data)
print(data)
