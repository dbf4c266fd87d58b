a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-1 >> 5, -16 >> 2, ~0, ~-1)
print(1 << 62)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
