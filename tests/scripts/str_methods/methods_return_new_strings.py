s = "Hello"
u = s.upper()
print(s, u, s is not u)
t = s.replace("x", "y")
print(t == s)
print("abc".upper().lower().center(7, "*").strip("*"))
