def parser():
    while True:
        text = yield
        print("parsed", int(text))
def feed(p, items):
    for item in items:
        p.send(item)
p = parser()
next(p)
feed(p, ["1", "2", "three"])
