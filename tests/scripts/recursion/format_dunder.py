# format(), f-strings and str.format call __format__ from C.
class Deep:
    def __init__(self, n):
        self.n = n

    def __format__(self, spec):
        if self.n == 0:
            return "bottom" + spec
        return format(Deep(self.n - 1), spec)


class DeepF:
    def __init__(self, n):
        self.n = n

    def __format__(self, spec):
        if self.n == 0:
            return "f"
        return f"{DeepF(self.n - 1)}"


print(format(Deep(200), "!"), f"{DeepF(200)}", "{}".format(Deep(200)))
for obj in (Deep(100000), DeepF(100000)):
    try:
        format(obj, "")
    except RecursionError as e:
        print(type(obj).__name__, type(e).__name__, e)
print(format(Deep(200), "?"))
