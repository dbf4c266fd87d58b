# Every binary operator over ints of mixed sizes and signs: small, at the
# 64-bit edges, and far beyond them. Results must cross back and forth.
vals = [0, 1, -1, 7, -7, 2**31, 2**63 - 1, -2**63, 2**63, -2**63 - 1, 2**64, 3**50, -(5**40), 10**30 + 1]
ops = ['+', '-', '*', '//', '%', '&', '|', '^']
for a in vals:
    for b in vals:
        row = []
        for op in ops:
            try:
                row.append(eval('a %s b' % op))
            except ZeroDivisionError as e:
                row.append('ZeroDivisionError: %s' % e)
        print(a, b, row)
for a in vals:
    print(a, -a, +a, ~a, abs(a), a << 3, a >> 3, a >> 70, a << 70, bool(a))
    for e in range(0, 5):
        print(' ', a ** e, end='')
    print()
print(2 ** 200, (-3) ** 101, 7 ** 77 // 5 ** 55, 7 ** 77 % 5 ** 55)
print(divmod(10**40 + 7, -(2**70)), divmod(-(10**40), 2**70 + 3))
x = 1
for i in range(1, 60):
    x *= i
    x += (-1) ** i
print(x, x % 1000003, x // 10**60)
acc = 0
for i in range(200):
    acc = (acc * 31 + i) ^ (acc >> 5)
print(acc, acc.bit_length())
n = 2**64
n += 1
n -= 2**64
print(n, type(n), n == 1)
