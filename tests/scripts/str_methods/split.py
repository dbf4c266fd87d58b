print("a b  c".split())
print("  lead and trail  ".split())
print("a,b,,c".split(","))
print("a,b,c".split(",", 1))
print("".split(), "".split(","))
print("a::b::c".split("::"))
print("x\ty\nz".split())
print("a b c d".split(None, 2))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
