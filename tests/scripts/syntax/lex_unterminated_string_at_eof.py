# A quote left open at the very end of the file (no final newline).
print('done