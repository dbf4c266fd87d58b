# hash() of a bound method whose self has a large hash: the mix overflowed int64 (UBSan).
m = (-0.1).hex
print(hash(m) == hash((-0.1).hex), hash((2 ** 62 + 0.5).hex) == hash((2 ** 62 + 0.5).hex))
