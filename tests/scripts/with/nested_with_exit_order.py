class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, et, ev, tb):
        print("exit", self.n, et.__name__ if et else None)
        return self.n == 1
with CM(1) as a:
    with CM(2) as b, CM(3) as c:
        print("body", a, b, c)
        raise ValueError
print("suppressed by outer")
