# A quote left open at the end of a line.
name = 'Baton
print(name)
