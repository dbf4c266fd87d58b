# A control character in the source.
x = 1  2
