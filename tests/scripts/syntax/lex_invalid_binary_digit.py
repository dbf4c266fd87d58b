# 2 is not a binary digit.
bits = 0b1012
