for v in [0, 1, -1, 0.0, 0.1, '', 'a', [], [0], (), {}, {0: 0}, set(), None, range(0), range(1), b'']:
    print(repr(v), bool(v))
