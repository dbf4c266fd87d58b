s = {1, 2, 3}
t = s
s |= {4}
s &= {1, 2, 4, 5}
s -= {1}
s ^= {2, 9}
print(sorted(s), t is s)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
