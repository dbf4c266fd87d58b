x = 5
print(-x, +x, ~x, --x, -(-x), not x)
print(-0, +0, ~0)
y = -x
print(abs(y), -y)
