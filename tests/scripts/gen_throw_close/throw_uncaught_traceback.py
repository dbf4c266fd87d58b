def worker():
    print("worker started")
    while True:
        job = yield
        print("job", job)
w = worker()
next(w)
w.send("a")
w.throw(KeyError("shutdown"))
