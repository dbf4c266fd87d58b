def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p
perms = list(permutations([1, 2, 3]))
print(len(perms))
for p in perms:
    print(p)
print(sum(1 for _ in permutations("abcde")))
print(["".join(p) for p in permutations("ab")])
