s = "héllo wörld"
print(s[0], s[1], s[-1], s[-5])
print(len(s))
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
print(ord(s[1]), chr(233))
