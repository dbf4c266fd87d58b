class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print(f"{p}")
print(f"{p!r}")
print(f"{p!s}")
print(f"{'x'!r:>6}|")
print(f"{3.0!r} {None} {True!r}")
