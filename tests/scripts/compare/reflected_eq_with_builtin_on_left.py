# A built-in value on the left of == or != gives the right operand's
# reflected __eq__/__ne__ its turn.
class Anything:
    def __eq__(self, other):
        return "eq with " + type(other).__name__

    def __ne__(self, other):
        return "ne with " + type(other).__name__

    __hash__ = None


e = Anything()
for left in [None, True, 1, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset(), range(3)]:
    print(repr(left), left == e, left != e)
print(None == None, None != None, None == 0, None != 0)


class Plain:
    pass


p = Plain()
print(None == p, p == None, None != p, [None].count(None), None in [p, None])
