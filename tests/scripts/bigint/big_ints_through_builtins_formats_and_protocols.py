# Big ints (2**100) through ranges, indexes, repetition, the digit limit,
# modular pow, bit operations, bytes, hashing against floats, rounding,
# format specs and the numbers protocol (as_integer_ratio...).
import sys
B = 2**100
tests = ["len(range(B))", "range(B)[5]", "range(B)[-1]", "range(0, B, 3)[B // 7]", "range(B)[B]", "[1,2,3][B]", "[1,2,3][:B]", "'abc' * B", "[0] * -B",
         "int('1' * 5000)", "str(10**5000)[:5]", "sys.set_int_max_str_digits(6000) or len(str(10**5000))", "int('0x' + 'f' * 5000, 16) > 0",
         "True + B", "B - True", "B // True", "-B // 3", "-B % 7", "divmod(-B, 7)", "pow(3, -1, B + 1)", "pow(B, B, 97)", "pow(2, B, 10**9 + 7)",
         "(B).bit_count()", "(-B).bit_length()", "(~B) & 0xFF", "-B >> 3", "-B >> 1000", "1 << 100 == B", "B.to_bytes(13, 'big').hex()", "(-B).to_bytes(14, 'little', signed=True)[:3]",
         "int.from_bytes(b'\\x80' + b'\\x00' * 20, 'big', signed=True)", "hash(B) == hash(float(B))", "B == float(B)", "B + 1 == float(B)", "B + 1 > float(B)", "float(B + 1)",
         "{B: 1, float(B): 2}", "{2**61: 'a', 1: 'b'}", "round(B, -30)", "round(-B - 5, -1)", "round(12345678901234567890123, -5)", "abs(-B)", "B.__index__() is B or True",
         "format(B, '#x')", "format(-B, '+,')", "format(B, '_b')[:20]", "format(B, '030d')", "format(B, 'e')", "format(B, '.2%')", "'%.3e' % B", "f'{B:>50}'",
         "sum([B, B, -B])", "max(B, float('inf'))", "min(-B, -float(B))", "sorted([B, 1.5, -B, 2**64])", "B in range(B + 1)", "(B - 1) in range(0, B, 2)",
         "bin(-B)[:8]", "oct(B)","int(1e300) % 1000", "int(-2.5e20)", "int('  -1_000  ')", "int('1__0')", "int(B.__float__()) == B", "B.real, B.imag", "B.numerator, B.denominator", "B.conjugate() == B", "B.as_integer_ratio()[1]", "int.is_integer(B) if hasattr(int,'is_integer') else 'no'"]
for s in tests:
    try:
        r = eval(s)
        print(s, "->", repr(r)[:80])
    except Exception as e:
        print(s, "->", type(e).__name__, str(e)[:80])
