# math.remainder: IEEE 754's remainder (quotient rounded half to even), NaN
# passing through, infinities and a zero divisor as CPython treats them.
import math
inf, nan = float("inf"), float("nan")
for x, y in [(10, 3), (11, 3), (-11, 3), (5, 2), (7, 2), (-5, 2), (6, 4), (2.5, 1), (3.5, 1), (1e300, 3), (0.0, 1), (-0.0, 1), (4.0, 2), (-4.0, 2), (1, inf), (-1, inf), (nan, 1), (1, nan), (inf, 1), (1, 0), (2**60, 7), (-2.0**-1074, 1)]:
    try:
        print(x, y, math.remainder(x, y))
    except ValueError as e:
        print(x, y, "ValueError", e)
