# Making a list or tuple of a range too long for memory fails at once, as in
# CPython: OverflowError past the index-sized integers, MemoryError below.
cases = [
    lambda: list(range(4**40)),
    lambda: list(range(2**63)),
    lambda: tuple(range(-2**64, 0)),
    lambda: sorted(range(2**62, 2**64)),
    lambda: [*range(4**40)],
    lambda: list(range(2**62)),
    lambda: list(range(0, 2**100, 2**40)),
]
for i, case in enumerate(cases):
    try:
        print(i, "made", len(case()))
    except (OverflowError, MemoryError) as e:
        print(i, type(e).__name__, e)
print(list(range(2**70, 2**70 + 3)), tuple(range(2**64, 2**64 - 6, -2)))
