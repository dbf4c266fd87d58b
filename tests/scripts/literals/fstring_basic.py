name = "Ada"
n = 42
print(f"hello {name}")
print(f"{n} {n + 1} {n * 2}")
print(f"{name!r} and {name!s}")
print(F"{'nested quotes'}")
print(f"{{literal braces}} {n}")
print(f"{[1, 2][0]} {len(name)}")
x = 3.14159
print(f"{x:.2f}|{n:5d}|{n:x}|{'r':>10}|{1234567:,}")
