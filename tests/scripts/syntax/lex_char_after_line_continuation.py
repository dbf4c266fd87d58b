# A backslash must be the last character of its line.
total = 1 + \ 2
