for x in [-5, 0, 5]:
    print("neg" if x < 0 else "zero" if x == 0 else "pos")
def noisy(v):
    print("eval", v)
    return v
print(noisy(1) if True else noisy(2))
y = (lambda: "a") if False else (lambda: "b")
print(y())
