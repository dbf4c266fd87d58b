# Python 3 has no 0755-style octal.
mode = 0755
