print(1 == 1.0, hash(1) == hash(1.0), hash(True) == hash(1))
print(hash(0) == hash(0.0) == hash(False))
d = {1: 'int'}
d[1.0] = 'float'
d[True] = 'bool'
print(d)
print(hash(-1) == hash(-1.0))
print(hash(42))
