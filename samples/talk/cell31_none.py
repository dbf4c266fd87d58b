# Mutual Recursion w/ AsyncIO
