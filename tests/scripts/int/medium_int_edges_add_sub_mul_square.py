# + - * and their in-place forms, and squares, at every edge the fast paths see: the
# inline range (2**49), 64 bits, two limbs, negatives and bools.
vals = [0, 1, -1, 2**49 - 1, 2**49, -2**49, -2**49 - 1, 2**62, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, True, False]
for a in vals:
    for b in vals:
        print(a + b, a - b, a * b, end=' ')
        x = a; x += b; y = a; y -= b; z = a; z *= b
        print(x, y, z)
for v in vals:
    print(v ** 2, (-v) ** 2, type(v ** 2).__name__)
print(3037000499 ** 2, 3037000500 ** 2, (-3037000500) ** 2, 2 ** 2, True ** 2)
