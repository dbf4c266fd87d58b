for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5]:
    print(x, round(x))
print(round(7), round(7, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2))
print(round(3.14159, 2), round(2.675, 2), round(-1.005, 2))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__)
