# Patterns nest: a small expression evaluator.
class Num:
    __match_args__ = ("value",)
    def __init__(self, value):
        self.value = value

class Op:
    __match_args__ = ("op", "left", "right")
    def __init__(self, op, left, right):
        self.op, self.left, self.right = op, left, right

def evaluate(e):
    match e:
        case Num(v):
            return v
        case Op("+", Num(0), right) | Op("+", right, Num(0)):
            return evaluate(right)
        case Op("+", left, right):
            return evaluate(left) + evaluate(right)
        case Op("*", Num(0), _) | Op("*", _, Num(0)):
            return 0
        case Op("*", left, right):
            return evaluate(left) * evaluate(right)
        case _:
            raise ValueError(f"bad expression {e!r}")

print(evaluate(Op("+", Num(2), Op("*", Num(3), Num(4)))))
print(evaluate(Op("+", Num(0), Num(9))))
print(evaluate(Op("*", Op("+", Num(1), Num(1)), Num(0))))
try:
    evaluate("oops")
except ValueError as err:
    print(err)
