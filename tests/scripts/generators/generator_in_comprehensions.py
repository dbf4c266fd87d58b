def squares(n):
    for i in range(n):
        yield i * i
print([s for s in squares(5) if s % 2 == 0])
print({s: s % 3 for s in squares(4)})
print({s % 4 for s in squares(6)})
print(sum(s for s in squares(4)))
