# Seeded, random draws what CPython's Mersenne Twister draws: every seed type,
# random(), getrandbits, randrange, choice, sample (both of its ways), shuffle.
import random
random.seed(42); print(random.random(), random.randint(1, 100), random.choice("abcdef"))
g = random.Random(42); print(g.choice([1,2,3,4,5]))
for seed in (0, 1, -7, 2**40 + 5, 9223372036854775807, -2**62, 1.5, -0.25, True, "hello", "", "é" * 50, b"bytes", "x" * 300):
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.getrandbits(7), random.getrandbits(33), random.getrandbits(63), random.randrange(10**15))
random.seed(3)
print(random.sample(range(100), 10), random.sample("abcdefg", 3), random.sample(range(10**6), 8), random.sample(list(range(30)), 7))
x = list(range(20)); random.shuffle(x); print(x)
print(random.uniform(1, 2), random.randrange(0, 100, 7), random.randrange(100, 0, -3), random.randint(-5, 5))
for f in [lambda: random.randrange(0), lambda: random.randrange(5,5), lambda: random.randrange(5,1,2), lambda: random.randrange(1,5,0), lambda: random.sample(range(3), 4)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
r1 = random.Random("same"); r2 = random.Random("same"); print(r1.random() == r2.random())
