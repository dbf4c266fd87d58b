# A __set_name__ that adds and removes attributes of its owner while the
# class is being made: every attribute present at creation gets exactly one
# call, whatever the hooks do to the class dict.
calls = []


class Meddler:
    def __set_name__(self, owner, name):
        calls.append(name)
        for i in range(5):
            setattr(owner, "junk_%s_%d" % (name, i), object())
        for other in [n for n in dir(owner) if n.startswith("junk_") and not n.startswith("junk_" + name)]:
            delattr(owner, other)


class Main:
    a = Meddler()
    b = Meddler()
    c = Meddler()
    d = Meddler()
    plain = 1


print(sorted(calls), len(calls))
print(sorted(n for n in dir(Main) if n.startswith("junk_")))
