# The eval loop's int fast paths (**, //, %, &, |, ^) agree with the full
# protocol on signs, zero and the edges of 64 bits. Results beyond 64 bits
# show as None (Baton raises OverflowError there, CPython grows the int).
LO, HI = -9223372036854775807 - 1, 9223372036854775807


def fits(f):
    try:
        r = f()
    except OverflowError:
        return None
    except ZeroDivisionError as e:
        return 'ZeroDivisionError: %s' % e
    return r if LO <= r <= HI else None


vals = [-7, -3, -2, -1, 0, 1, 2, 3, 7, 3037000499, 3037000500, -(2 ** 31), 2 ** 62,
        -9223372036854775807 - 1, 9223372036854775807]
for x in vals:
    print(x, [fits(lambda: x ** y) for y in [0, 1, 2, 3, 5, 31, 32, 62, 63, 64]])
for x in vals:
    row = []
    for y in vals + [0]:
        row.append((fits(lambda: x // y), fits(lambda: x % y), x & y, x | y, x ^ y))
    print(x, row)
i = 10
i **= 2
i //= 7
i %= 5
i ^= 6
print(i, 2 ** -1, (-2) ** -2, 0 ** 0)
