# Sizes far beyond memory fail at once, with CPython's exception, instead of
# filling memory one piece at a time: MemoryError where the result cannot be
# allocated, OverflowError where its length would not even fit an index.
cases = [
    lambda: 'a'.ljust(10**12),
    lambda: 'a'.rjust(10**12),
    lambda: 'a'.center(10**12),
    lambda: 'a'.ljust(10**12, '\u20ac'),
    lambda: 'a'.center(2**62, '\U0001f600'),
    lambda: 'a'.zfill(10**12),
    lambda: '-5'.zfill(2**62),
    lambda: 'a' * 2**62,
    lambda: '\u00e9' * 2**62,
    lambda: 'ab' * 2**62,
    lambda: 'ab' * (2**62 - 1),
    lambda: b'a' * 2**62,
    lambda: b'ab' * 2**62,
    lambda: [1] * 2**62,
    lambda: [1, 2, 3] * 2**62,
    lambda: (1, 2) * 2**62,
    lambda: [None] * 2**40,
    lambda: (None,) * 2**40,
    lambda: [1, 2] * 2**35,
    lambda: list(range(2**40)),
    lambda: 'a\tb'.expandtabs(2**40),
    lambda: 'a\tb'.expandtabs(2**31),
    lambda: '{:1000000000000}'.format('a'),
    lambda: '{:>1000000000000}'.format(1),
    lambda: '{:\u20ac^1000000000000}'.format(1.5),
    lambda: '{:9223372036854775807}'.format(1),
    lambda: f"{'a':1000000000000}",
    lambda: format('a', '1000000000000'),
    lambda: '{:{}}'.format(1, 10**12),
    lambda: '%1000000000000d' % 1,
    lambda: '%-1000000000000s' % 'a',
    lambda: '%01000000000000d' % 1,
    lambda: '%9223372036854775807c' % 'a',
    lambda: '%*d' % (2**62, 1),
    lambda: '%*r' % (-2**62, 'a'),
]
for i, case in enumerate(cases):
    try:
        r = case()
        print(i, 'made', len(r))
    except Exception as e:
        print(i, type(e).__name__, e)
s = 'x'
s *= 3
l = [1]
try:
    l *= 2**40
except MemoryError:
    print('list unchanged', l)
print(s, 'a'.ljust(-10**12), 'a'.center(3, '\u20ac'), '-5'.zfill(4), '{:\u20ac^5}'.format(1))
