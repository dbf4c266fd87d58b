# The mismatch is on a later line than the opening bracket.
x = foo(1,
        2]
