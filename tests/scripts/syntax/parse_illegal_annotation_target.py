x = f(n): int
