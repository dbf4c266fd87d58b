# 0x needs hexadecimal digits.
mask = 0xfg
