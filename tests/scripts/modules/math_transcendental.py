import math
print(math.exp(0), math.exp(1), math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(8))
print(math.sin(0), math.cos(0), math.sin(math.pi / 2), math.tan(0))
print(round(math.sin(math.pi), 10), math.atan2(1, 1) == math.pi / 4)
print(math.hypot(3, 4), math.pow(2, 10), math.copysign(3, -0.0), math.fmod(-7, 3))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3)
