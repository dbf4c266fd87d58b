a = list(range(10))
print(a[-3:], a[:-7], a[-100:100], a[5:-5], a[8:2])
print(a[::-1], a[::-3], a[7:2:-2], a[-1:-4:-1])
print(a[100:], a[:-100], a[3:3])
try:
    a[::0]
except ValueError as e:
    print(type(e).__name__, e)
