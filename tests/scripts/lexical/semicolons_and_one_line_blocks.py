a = 1; b = 2; print(a + b)
if a: print("yes")
while b: b -= 1; print("b", b)
def g(): return "g"
print(g())
class C: pass
print(type(C()).__name__)
