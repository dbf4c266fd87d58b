# 400 random ranges and slices with bounds from 0 to 100 bits, against CPython's answers.
import random

rng = random.Random(7)
def val():
    k = rng.choice([0, 3, 40, 63, 64, 65, 100])
    return rng.choice([-1, 1]) * rng.randrange(2**k + 1)
out = []
for _ in range(400):
    a, b, c = val(), val(), val() or 1
    r = range(a, b, c)
    s = slice(rng.choice([None, val(), rng.randrange(-5, 5)]), rng.choice([None, val(), rng.randrange(-5, 5)]), rng.choice([None, val() or 1, rng.choice([1, -1, 2, -3])]))
    try:
        x = r[s]
        res = (x, x == r, len(x) if len(x) < 2**63 else 'big')
    except Exception as e:
        res = type(e).__name__
    y = val()
    try:
        ln = len(r)
    except OverflowError:
        ln = 'big'
    out.append((r, ln, res, y in r, r.count(y), bool(r), list(r[:3]), next(reversed(r), None)))
for o in out:
    print(o)
