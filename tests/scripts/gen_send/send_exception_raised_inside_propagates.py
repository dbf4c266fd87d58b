def divider():
    while True:
        n = yield
        print(100 // n)
d = divider()
next(d)
d.send(4)
try:
    d.send(0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    d.send(5)
except StopIteration:
    print("generator finished by the exception")
