print(2 in [1, 2], 2 in (1, 2), 2 in {2}, 2 in {2: 'x'}, 'x' in {2: 'x'})
print(2 in range(3), 'b' in 'abc', b'b' in b'abc', 98 in b'abc')
print(2 in iter([1, 2, 3]), 'a' in {'a': 1}.keys(), 1 in {'a': 1}.values())
print(('a', 1) in {'a': 1}.items())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
