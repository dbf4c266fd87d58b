# A decimal literal past the 4300-digit limit is a SyntaxError at compile time;
# hexadecimal literals and a raised limit are fine.
import sys
src = 'x = ' + '1' * 5000 + '\n'
try:
    compile(src, 'big.py', 'exec')
except SyntaxError as e:
    print(type(e).__name__, e.lineno, e.msg)
ns = {}
exec('x = 0x' + 'f' * 5000, ns)
print(ns['x'].bit_length())
sys.set_int_max_str_digits(6000)
exec(src, ns)
print(ns['x'] % 1000, len(str(ns['x'])))
