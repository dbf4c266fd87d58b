print(1., .5, 1e-3, 1E3, 1.5e+2, 3.14_15)
print(0.0, -0.0, 1e0, 2.5e-1)
print(1_000.000_1)
print(type(1.), type(.5), type(1e3))
