def squared():
    while True:
        n = yield
        print(n ** 2)
sqrd = squared()
next(sqrd)
