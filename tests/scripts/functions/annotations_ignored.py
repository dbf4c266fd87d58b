def f(x: int, y: "str" = "a") -> list:
    return [x, y]
print(f(1), f("not int", 2))
z: int = 5
w: list
print(z)
class P:
    n: int = 0
print(P.n)
