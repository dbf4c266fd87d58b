# Windows line endings are newlines too.
if True:
    x = 1 + \
        2
    print(x, 'crlf')
