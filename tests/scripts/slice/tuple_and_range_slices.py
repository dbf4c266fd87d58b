t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], type(t[1:2]).__name__)
r = range(20)
print(r[3:9:2], list(r[3:9:2]), r[::-5])
b = b"abcdef"
print(b[1:4], b[::-1])
