z = -0.0
print(z, 0.0 == z, repr(z))
print(-0.0 + 0.0, 0.0 * -1, abs(-0.0))
print(str(-0.0), f"{-0.0}")
print(round(-0.4), round(-0.4, 1))
