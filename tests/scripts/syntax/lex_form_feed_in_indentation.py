# A form feed resets the indentation column.
if True:
    x = 1
    print(x)
print('top')
