def sink(results):
    while True:
        results.append((yield))
def mapper(fn, target):
    while True:
        target.send(fn((yield)))
def only(pred, target):
    while True:
        x = yield
        if pred(x):
            target.send(x)
out = []
s = sink(out); next(s)
m = mapper(lambda x: x * 10, s); next(m)
f = only(lambda x: x % 2, m); next(f)
for i in range(7):
    f.send(i)
print(out)
