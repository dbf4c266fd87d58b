# str/repr/hex/oct/bin/format/% of big ints, int(text, base) for every base,
# and CPython's 4300-digit limit on decimal conversions.
import sys
vals = [2**64, -2**64, 2**100 - 1, -(3**80), 10**50]
for v in vals:
    print(str(v), repr(v), hex(v), oct(v), bin(v)[:40])
    print(format(v, ','), format(v, '_x'), format(v, '#X'), format(v, '>60'), format(v, '+'))
    print(format(v, '=+70,'), format(v, '#b')[:30], format(v, 'e'), format(v, '.3f')[:30], format(v, '%')[:20])
    print('%d|%i|%x|%X|%o|%#x|%#o|%60d|%-60d|' % (v, v, v, v, v, v, v, v, v))
    print('%+d %.70d %e %.3f' % (v, v, v, v))
    print(f'{v}', f'{v!r:>50}', f'{v:_}', f'{v:030,}')
for base in range(2, 37):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
    text = (digits[1:] + digits) * 3
    n = int(text, base)
    print(base, n, int('-' + text.upper(), base) == -n)
print(int('0x' + 'f' * 40, 0), int('0o' + '7' * 50, 0), int('0b' + '1' * 100, 0), int('1_000_000' * 5))
print(int('  -123456789012345678901234567890  '), int(b'98765432109876543210987654321'))
print(int(1e300), int(-2.5e40), int(12345678901234567890.0), float(2**100), float(-(3**200)))
print(sys.get_int_max_str_digits())
try:
    str(10**5000)
except ValueError as e:
    print(e)
try:
    int('7' * 4301)
except ValueError as e:
    print(e)
print(len(str(10**4299)), len(hex(10**6000)), int('f' * 5000, 16) % 1000)
sys.set_int_max_str_digits(0)
print(len(str(10**5000)), int('7' * 4400) % 1000)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(10**4999)))
for bad in [100, -1, 639]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print(e)
sys.set_int_max_str_digits(4300)
