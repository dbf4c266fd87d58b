s = "abcdefghij"
print(s[2:5], s[:3], s[7:], s[-3:], s[:-3])
print(s[::2], s[1::3], s[::-1], s[-2:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3])
print(s[:], s[0:10:100])
