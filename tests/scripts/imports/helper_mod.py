# Helper module imported by other tests in imports/; run alone it is a test too.
print("helper_mod runs, __name__ =", __name__)
VALUE = 42
_private = "underscore"
def double(x):
    return 2 * x
class Thing:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "Thing(%d)" % self.n
calls = []
def record(x):
    calls.append(x)
    return len(calls)
