for r in [range(5), range(2, 8), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0)]:
    print(r, len(r), list(r))
r = range(10, 0, -3)
print(r[0], r[-1], r[1:3], r[::-1], r[::2])
