def doubler():
    value = yield "ready"
    while True:
        value = yield value * 2
d = doubler()
print(next(d))
print([d.send(i) for i in range(5)])
print(d.send("ab"))
