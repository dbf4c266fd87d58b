# What big ints do where a machine-sized integer is needed, with CPython's errors.
checks = ["[1, 2][2**100]", "(1, 2)[-2**100]", "'abc'[2**70]", "b'abc'[2**64]", "'ab' * 2**100", "[0] * 2**70",
          "chr(2**100)", "chr(2**40)", "1 << 2**70", "1 << -1", "(2**70) >> -3", "2**70 // 0", "2**70 % 0",
          "divmod(2**70, 0)", "(2**70) / 0", "0 ** -2**70", "len(range(2**100))", "(2**70).to_bytes(-1, 'big')"]
for c in checks:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '->', type(e).__name__ + ':', e)
print([1, 2, 3][:2**100], [1, 2, 3][-2**100:], 'abcdef'[2**70:], (1, 2, 3)[-2**80::2])
print((2**100 - 2**100 + 1) * 'ab', 1 << 0, 0 << 2**70, 5 >> 2**70, -5 >> 2**70, 1 ** 2**100, (-1) ** (2**100 + 1))
print([1, 2, 3].index(2, -2**100, 2**100), 'hello'.find('l', -2**70, 2**70))
for c in ["bytes(2**100)", "bytearray(-2**100)", "bytearray(2**64)"]:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '->', type(e).__name__ + ':', e)
class H:
    def __hash__(self):
        return 2**100 + 7
print(hash(H()), hash(H()) == hash(2**100 + 7), {H(): 1} != {})
