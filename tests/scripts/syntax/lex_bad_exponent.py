# An exponent needs digits.
x = 1.5e+
