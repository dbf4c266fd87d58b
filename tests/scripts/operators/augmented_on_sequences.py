a = [1]
b = a
a += [2]
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
s = "x"
s *= 3
print(s)
a *= 2
print(b)
d = {"k": [1]}
d["k"] += [2]
print(d)
