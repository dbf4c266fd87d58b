# return/break/continue leaving try/finally, except handlers and with blocks
# run every finally and __exit__ on the way out, innermost first.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
def f():
    for i in range(4):
        with CM("w%d" % i):
            try:
                try:
                    if i == 0:
                        continue
                    if i == 1:
                        raise KeyError(i)
                    if i == 2:
                        break
                finally:
                    print("inner finally", i)
            except KeyError as e:
                print("caught", e)
                continue
            finally:
                print("outer finally", i)
    try:
        return "returned"
    finally:
        print("last finally")
print(f())
def g():
    try:
        try:
            raise ValueError("v")
        finally:
            return "finally return wins"
    except ValueError:
        return "not reached"
print(g())
def h():
    for i in range(3):
        try:
            raise TypeError(i)
        except TypeError:
            if i < 2:
                continue
            return "returned from handler %d" % i
print(h())
def k():
    while True:
        try:
            return "from while"
        finally:
            print("while finally")
print(k())
