# repr() of floats is the shortest string that round-trips, also where the
# double's rounding interval is lopsided (powers of two: 2**-24 is 5.960464477539063e-08).
import random
r = random.Random(3)
vals = [2.0 ** k for k in range(-1074, 1024)] + [-(2.0 ** k) for k in range(-60, 60)]
vals += [r.random() * 10 ** r.randrange(-300, 300) for _ in range(3000)]
vals += [float(i) / 7 for i in range(1, 3000)] + [0.1 * i for i in range(1000)]
vals += [(2.0 ** k) * (1 + 2.0 ** -52) for k in range(-100, 100)] + [(2.0 ** k) * (1 - 2.0 ** -53) for k in range(-100, 100)]
for v in vals:
    print(repr(v))
