# A no-break space between tokens.
x = 1 + 2
