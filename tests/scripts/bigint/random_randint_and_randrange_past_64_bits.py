# randint and randrange with bounds past 64 bits draw the same numbers as
# CPython for a seed, and fail with its errors.
import random
random.seed(5)
print(random.randint(1, 10**30), random.getrandbits(100), random.randrange(-2**70, 2**70, 3))
print([random.randint(-2**300, 2**300) % 1000 for _ in range(5)])
print(random.randint(2**63 - 5, 2**63 + 5), random.randint(-2**64, -2**64))
try:
    random.randint(2**64, 2**63)
except ValueError as e:
    print(e)
try:
    random.randint(1.5, 2**70)
except Exception as e:
    print(type(e).__name__, e)
