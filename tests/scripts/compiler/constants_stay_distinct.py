# Equal-looking constants of different types or signs stay distinct in one
# code object (1, 1.0 and True; 0.0 and -0.0), and equal ones are shared.
def f():
    return (1, 1.0, True, 0.0, -0.0, (1,), (1.0,), (True,), (0.0,), (-0.0,),
            'a', b'a', None, False, 0, 'a', 1, -0.0, (1, 'a'), (1.0, 'a'))

print(f())
print([type(x).__name__ for x in f()])
print(str(f()[4]), str(f()[3]), str(f()[17]))
print(f()[10] is f()[15])

# Many distinct constants in one code object: each keeps its own value.
src = "\n".join("x%d = %d" % (i % 7, i) for i in range(20000))
src += "\ns = 's0'\n" + "\n".join("s = %r" % ("s%d" % i) for i in range(5000))
src += "\nf1 = 0.5\nf2 = -0.0\nf3 = 0.0\n"
ns = {}
exec(src, ns)
print(ns["x0"], ns["x6"], ns["s"], ns["f1"], str(ns["f2"]), str(ns["f3"]))
