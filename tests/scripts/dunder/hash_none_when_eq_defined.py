class P:
    def __eq__(self, other):
        return True
print(P.__hash__ is None)
try:
    {P()}
except TypeError as e:
    print(type(e).__name__, e)
class Q:
    pass
q = Q()
print(Q.__hash__ is not None, hash(q) == hash(q), len({q, q}))
