# threading.local: each thread sees its own attributes; a subclass's
# __init__ runs once in each thread that uses the object.
import threading

data = threading.local()
data.x = "main"


class Counter(threading.local):
    def __init__(self, start):
        self.n = start


c = Counter(10)
seen = []


def work(name):
    seen.append((name, hasattr(data, "x"), c.n))
    data.x = name
    c.n += 1
    seen.append((name, data.x, c.n))


for name in ["t1", "t2"]:
    t = threading.Thread(target=work, args=(name,))
    t.start()
    t.join()
print(seen)
print(data.x, c.n)
del data.x
print(hasattr(data, "x"))
