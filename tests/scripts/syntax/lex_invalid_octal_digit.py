# 8 is not an octal digit.
mode = 0o758
