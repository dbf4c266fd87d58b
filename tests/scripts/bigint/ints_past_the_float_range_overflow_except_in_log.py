# An int beyond the float range: float arithmetic, divmod, %-formatting and
# math's functions raise CPython's OverflowError (none gives inf), while
# math.log, log2 and log10 take it as m * 2**e and answer.
import math, random, itertools
B = 2**1024
tests = ["divmod(0.0, B)", "divmod(B, 1.5)", "math.sqrt(B)", "math.log(B)", "math.log10(B)", "math.floor(B) == B", "math.exp(B)", "math.fsum([B, 1.0])",
         "math.isclose(B, 1.0)", "math.copysign(B, 1)", "math.fabs(-B)", "math.hypot(B, 1)", "math.atan2(B, 1)", "math.pow(B, 1)", "math.ldexp(1.0, B)",
         "random.uniform(0, B)", "float(B)", "'%f' % B", "'%e' % B", "format(B, 'f')[:5]", "math.trunc(B) == B", "round(B, 2) == B", "B * 1.0", "1.0 * B",
         "B < float('inf')", "B == float('inf')", "math.isfinite(B)", "math.isinf(B)", "math.dist([B], [0])", "math.prod([B, 1.0])", "sum([B, 1.0])", "math.gamma(B)",
         "itertools.count(B, 0.5).__next__()", "math.degrees(B)", "math.fmod(B, 3)", "math.remainder(B, 3)", "math.frexp(B)", "math.modf(B)", "math.ceil(B) == B"]
for s in tests:
    try:
        print(s, "->", repr(eval(s))[:60])
    except Exception as e:
        print(s, "->", type(e).__name__, e)
for s in ['math.log(2**2000)', 'math.log(2**2000, 2)', 'math.log2(2**2000)', 'math.log10(10**400)', 'math.log(10, 2**2000)',
          'math.log(-2**2000)', 'math.log1p(2**2000)', 'math.log(3**1000+1)', 'math.log10(7**999)', 'math.log2(2**1100-1)',
          'math.log(1, 1)', 'math.log(8, 2)', 'math.log(True)', 'math.log(0.0)', 'math.log("x")', 'math.log2(0)']:
    try:
        print(s, eval(s))
    except Exception as e:
        print(s, type(e).__name__, e)
