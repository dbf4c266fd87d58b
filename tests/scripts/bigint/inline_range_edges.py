# Ints at the edges of Baton's inline range (50 bits) and of 64 bits, +-1,
# through every operator, hashes, dict keys, conversions and sequences.
import operator

edges = []
for b in (49, 53, 61, 63, 64):
    for base in (2 ** b, -(2 ** b)):
        edges += [base - 1, base, base + 1]
smalls = [0, 1, -1, 2, -2, 3, 7, -7, 2 ** 20]

ops = [operator.add, operator.sub, operator.mul, operator.floordiv, operator.mod,
       operator.and_, operator.or_, operator.xor, operator.truediv]
for x in edges:
    row = []
    for y in smalls:
        for op in ops:
            for a, b in ((x, y), (y, x)):
                try:
                    row.append(op(a, b))
                except ZeroDivisionError:
                    row.append(-999)
    print(x, hash(row[0]), sum(hash(v) for v in row) % 1000003, row[:6])

for x in edges:
    print(x, -x, abs(x), ~x, +x, x >> 1, x << 1, x >> 70, x ** 2 % 1000000007,
          pow(x, 3, 10 ** 9 + 7), divmod(x, 97), x == float(x), x < float(x) + 1)
    print(hex(x), oct(x), bin(x)[:12], str(x), repr(x), f"{x:_}", f"{x:+,}", "%d %x" % (x, x))
    print(x.bit_length(), x.bit_count(), int(str(x)), int(hex(x), 16), float(x), round(x, -3),
          hash(x), hash(x) == hash(float(x)) if float(x) == x else None)

# One value, one form: small and big spellings of a number are the same key.
d = {}
for x in edges:
    d[x] = 1
    d[x + 0] += 1
    d[(x * 3) // 3] += 1
    d[int(str(x))] += 1
print(len(d), sorted(d.values()) == [4] * len(d), sorted(d)[:3])
s = {2 ** 49, 2 ** 49 - 1 + 1, (2 ** 50) // 2, 562949953421312}
print(len(s), s)

# Sequences with indexes and lengths at the edge.
r = range(-2 ** 49, 2 ** 49)
print(len(r), r[-1], r[2 ** 49], r.index(2 ** 49 - 1), (2 ** 49 - 1) in r, 2 ** 49 in r)
r = range(2 ** 49 - 3, 2 ** 49 + 3)
print(list(r), r.start, r.stop, r[1:5], sum(r), max(r), list(reversed(r))[:2])
for v in range(2 ** 63 - 2, 2 ** 63 + 2):
    print(v, end=" ")
print()
print(list(enumerate("ab", 2 ** 49 - 1)), list(enumerate("ab", 2 ** 63 - 1)))
print([1, 2, 3][-2 ** 49 + 2 ** 49], "abc"[2 ** 49 - 2 ** 49 + 1], bytes(3)[1:2 ** 60])
try:
    [1, 2][2 ** 55]
except IndexError as e:
    print("IndexError", e)
try:
    "ab" * 2 ** 62
except (MemoryError, OverflowError) as e:
    print(type(e).__name__)
print(int(2 ** 49 + 0.0), int(-2.0 ** 53), float(2 ** 53 + 1), (2 ** 53 + 1) / 1, 2 ** 55 / 2 ** 3)
print((2 ** 49) .to_bytes(8, "big"), int.from_bytes(b"\x00\x02\x00\x00\x00\x00\x00\x00", "big"))
print(sorted([2 ** 49, -2 ** 49 - 1, 2 ** 49 - 1, 0.5, 2 ** 63, -2 ** 63]))
print(max(2 ** 49 - 1, 2 ** 49), min(-2 ** 49, -2 ** 49 - 1), sum([2 ** 48] * 8))
