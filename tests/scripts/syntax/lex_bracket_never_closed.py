# An open bracket reaches the end of the file.
values = [1, 2,
          3, 4
print(values)
