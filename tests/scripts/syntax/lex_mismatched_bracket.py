# The closing bracket is not the kind that was opened.
x = {1: [2, 3)}
