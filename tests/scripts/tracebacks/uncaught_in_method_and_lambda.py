class Calc:
    def div(self, a, b):
        f = lambda: a / b
        return f()
print(Calc().div(4, 2))
Calc().div(1, 0)
