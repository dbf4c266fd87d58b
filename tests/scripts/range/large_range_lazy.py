r = range(0, 10 ** 15, 7)
print(len(r), r[123456789], 700 in r, 701 in r, r[-1])
print(range(10 ** 15)[10 ** 14:10 ** 14 + 3])
