import math
print(math.sqrt(16), math.sqrt(2), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.ceil(-2.5))
print(type(math.floor(1.5)).__name__, math.trunc(-3.7), math.fabs(-2))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.gcd(12, 18), math.factorial(10), math.factorial(20))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
