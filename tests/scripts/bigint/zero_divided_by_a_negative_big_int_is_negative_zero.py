# 0 / b is -0.0 when b is negative, whether b is small or big (past the
# inline range or past 64 bits), as CPython's long true division gives.
for b in (-1, -5, -(2**47), -(2**47) - 1, -(2**63), -(2**64), -(10**30), 2**64, 10**30):
    print(b, 0 / b, (-0) / b, 0 // b)
print((2**64) / -(2**64), -(2**64) / (2**64), (10**30) / -(10**29))
