# Built-in functions, int methods and modules handed ints past 64 bits.
B = 2**100
tests = ["range(5)[B]", "[1,2][B:]", "isinstance(B, int)", "type(B).__name__", "int.__add__(B, 1)",
 "B.real", "B.numerator", "B.denominator", "B.imag", "B.conjugate()", "(B).__index__()", "B.__int__()", "B.__float__()" , "B.__abs__()", "B.__neg__()",
 "B.__hash__() == hash(B)", "B.__eq__(B)", "B.__lt__(B+1)", "B.__add__(1)", "B.__radd__(1)", "B.__mul__(2)", "B.__pow__(2)", "B.__bool__()",
 "B.__trunc__()", "B.__round__()", "B.__round__(-5)", "B.__floor__()", "B.__ceil__()", "B.__divmod__(7)", "B.__rshift__(90)", "B.__invert__()",
 "format(B, 'c')", "'%c' % B", "str(B).count('0')", "bytes(3)", "bytes([B])", "bytearray([B % 256])", "enumerate('ab', B).__next__()",
 "list(zip(range(2), [B, -B]))", "sorted([B, 1.5, -B])", "min(B, B-1)", "abs(-B)", "divmod(B, 7.0)", "B // 7.5", "B % 7.5",
 "round(B)", "round(B, 2)", "pow(B, 2, -7)", "pow(2, B, 1)", "int(str(B)) == B", "float.fromhex(hex(B))" , "(1.0e300).as_integer_ratio()[1]",
 "(0.1).as_integer_ratio()", "(2.0**70).as_integer_ratio()", "int(B).bit_length()", "B.to_bytes(13, 'little')", "hash(B) % 1000",
 "repr([B, -B])", "{B: 1}", "(B, B)", "str(B) + 'x'", "f'{B:x}'", "f'{B:#o}'", "'{:,}'.format(B)", "'{0:>40}'.format(-B)", "B == B + 0.0", "B != float(B)",
 "bool(B) and not (B - B)", "[0]*3 + [B]", "sum([B, B, 1.5])", "sum([0.5, B])", "max([1, B], key=lambda x: -x)",
 "__import__('math').floor(B)", "__import__('math').sqrt(B)", "__import__('math').log(B, 2)", "__import__('math').isqrt(B*B)",
 "__import__('random').Random(B).random()", "__import__('random').Random(5).getrandbits(100)", "__import__('random').Random(5).randrange(B)",
 "__import__('itertools').islice(__import__('itertools').count(B), 2).__next__()", "next(__import__('itertools').count(B, B))",
 "'x'.center(B)", "'abc'.ljust(-B)", "[].pop(B)", "[1].insert(B, 2)", "__import__('operator').index(B)",
 "ord('a') + B", "True + B", "B & True", "-B ^ False", "B.__xor__(True)", "1 if B else 0", "not B", "B is B", "(lambda x=B: x)()"]
for s in tests:
    try:
        print(s, '->', repr(eval(s))[:90])
    except Exception as e:
        print(s, '!!', type(e).__name__, str(e)[:90])
