# range() with bounds past 64 bits: repr, len, indexing, slicing, `in`,
# iteration both ways, equality, hashing, attributes, index and count.
B = 2**100
r = range(B, B + 10, 3)
print(r, list(r), len(r), r[0], r[-1], r[2], r.start, r.stop, r.step, bool(r))
print(list(reversed(r)), r[1:3], r[::-1], list(r[::-2]), r[1:], r[5:])
print(B + 3 in r, B + 4 in r, B in r, 5 in r, float(B) in r, r.index(B + 6), r.count(B + 9), r.count(7))
print(range(B) , range(-B, B, B // 2), list(range(-B, B, B // 2)), len(range(-B, B, B // 2)))
print(range(B, 0, -(B // 3)), list(range(B, 0, -(B // 3))), range(5, B)[3], range(0, B)[-1])
print(range(B, B) == range(0), range(B, B + 1) == range(B, B + 1, 7), range(0, 3) == range(0, 3))
print(hash(range(B, B + 10, 3)) == hash(range(B, B + 10, 3)), hash(range(B, B)) == hash(range(0)))
print(list(zip(range(B, B + 3), 'abc')), sum(range(B, B + 4)), max(range(-B, -B + 5)))
small = range(2**62, 2**63 - 1, 2**61)
print(small[::2], list(small), small[1:] == range(2**62 + 2**61, 2**63 - 1, 2**61))
huge = range(0, 2**63 - 1)[::-1]
print(huge, huge[0], huge[::-1][-1])
for bad in ["len(range(B))", "range(B)[B]", "range(B)[-B - 1]", "range(0, B, 0)", "r.index(B + 1)", "range(B)[1.5]"]:
    try:
        print(eval(bad))
    except Exception as e:
        print(bad, type(e).__name__, e)
it = iter(range(B, B + 2))
print(type(it).__name__, next(it), next(it), next(it, 'done'))
print([i for i in range(B - 1, B + 2)], range(B)[:3], range(B)[B - 1:], range(B)[::B // 4])
