class N:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "N(%r)" % (self.v,)
    def __truediv__(self, o): return N(self.v / o)
    def __floordiv__(self, o): return N(self.v // o)
    def __mod__(self, o): return N(self.v % o)
    def __pow__(self, o): return N(self.v ** o)
    def __rsub__(self, o): return N(o - self.v)
    def __rtruediv__(self, o): return N(o / self.v)
    def __and__(self, o): return N(self.v & o)
    def __or__(self, o): return N(self.v | o)
    def __xor__(self, o): return N(self.v ^ o)
    def __lshift__(self, o): return N(self.v << o)
    def __rshift__(self, o): return N(self.v >> o)
    def __pos__(self): return N(+self.v)
    def __invert__(self): return N(~self.v)
    def __abs__(self): return N(abs(self.v))
n = N(12)
print(n / 5, n // 5, n % 5, n ** 2, 20 - n, 3 / n)
print(n & 10, n | 1, n ^ 5, n << 2, n >> 2, +n, ~n, abs(N(-3)))
