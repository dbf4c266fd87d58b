# float.as_integer_ratio, float.fromhex, real/imag.
print((0.1).as_integer_ratio(), (-2.5).as_integer_ratio(), (0.0).as_integer_ratio(), (1e18).as_integer_ratio(), (3.0).as_integer_ratio())
print(float.fromhex(' -0x1p-2 '), float.fromhex('inf'), float.fromhex('0x1.8p+0'), float.fromhex('0X10'), float.fromhex('-nan'))
print((1.5).hex(), float.fromhex((0.1).hex()) == 0.1, (2.5).real, (2.5).imag, (2.0).is_integer(), (2.5).is_integer())
for s in ['float("inf").as_integer_ratio()', 'float("nan").as_integer_ratio()', 'float.fromhex("zz")', 'float.fromhex("0x1p99999")', 'float.fromhex("")', 'float.fromhex("1e5x")']:
    try:
        eval(s)
    except (OverflowError, ValueError, TypeError) as e:
        print(s, type(e).__name__, e)
