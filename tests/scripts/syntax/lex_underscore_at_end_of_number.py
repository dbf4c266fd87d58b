# Underscores may only separate digits.
big = 1_000_
