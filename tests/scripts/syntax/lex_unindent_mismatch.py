# Dedenting to a column no enclosing block used.
if True:
        x = 1
    y = 2
