# Indexes, widths and precisions written in a format string are read without
# wrapping around: past the largest index they are CPython's ValueError, and a
# precision past a C int is "precision too big".
cases = [
    lambda: "{99999999999999999999}".format(1),
    lambda: "{9223372036854775807}".format(1),
    lambda: "{9223372036854775808}".format(1),
    lambda: "{0[9223372036854775807]}".format([1]),
    lambda: "{0[99999999999999999999]}".format({}),
    lambda: "{0[18446744073709551617]}".format({1: 'wrapped'}),
    lambda: "{:99999999999999999999}".format(1),
    lambda: "{:9223372036854775808}".format('a'),
    lambda: "{:.99999999999999999999}".format(1.5),
    lambda: "{:.2147483648}".format(1.5),
    lambda: "{:.2147483648e}".format(1.5),
    lambda: "{:.2147483648%}".format(1.5),
    lambda: "{:,.2147483648f}".format(1.5),
    lambda: "{:.2147483648}".format(1),
    lambda: "{:.2147483648x}".format(1.5),
    lambda: "{:.2147483648}".format('abc'),
    lambda: "{:.9223372036854775807}".format('abc'),
    lambda: format(1.5, '.2147483648'),
    lambda: format(1, '99999999999999999999'),
    lambda: f"{1.5:.2147483648}",
    lambda: f"{'x':.4294967297}",
    lambda: "{:.{}}".format(1.5, 2**31),
    lambda: "%99999999999999999999d" % 1,
    lambda: "%9223372036854775808s" % 'a',
    lambda: "%.99999999999999999999d" % 1,
    lambda: "%.2147483648f" % 1.5,
    lambda: "%.2147483648s" % 'ab',
    lambda: "%.2147483647s" % 'ab',
    lambda: "%.2147483647x" % 1,
    lambda: "%.*d" % (2**31, 1),
    lambda: "%.*f" % (-5, 1.0),
    lambda: "%.*s" % (-5, 'abc'),
    lambda: "%*s|" % (-5, 'abc'),
]
for i, case in enumerate(cases):
    try:
        print(i, repr(case()))
    except Exception as e:
        print(i, type(e).__name__, e)
