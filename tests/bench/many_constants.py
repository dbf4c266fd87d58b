# Compile time in the number of distinct constants (issue 10, item 9): one code
# object with 200,000 int and 50,000 str constants. A linear search per constant
# made this quadratic (34 s for the ints alone); a hash lookup makes it linear.
src = "\n".join("x = %d" % i for i in range(200000))
src += "\n" + "\n".join("s = %r" % ("s%d" % i) for i in range(50000))
ns = {}
exec(src, ns)
print(ns["x"], ns["s"])
