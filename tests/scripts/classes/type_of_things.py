class K: pass
for v in [1, 1.0, "s", b"b", [], (), {}, set(), None, True, range(1), slice(1), K(), K, len, print]:
    print(type(v).__name__)
print(type(type), type(int), type(K))
