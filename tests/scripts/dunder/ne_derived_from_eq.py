class P:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("__eq__ called")
        return self.v == other.v
print(P(1) != P(1))
print(P(1) != P(2))
print(P(1) in [P(0), P(1)])
