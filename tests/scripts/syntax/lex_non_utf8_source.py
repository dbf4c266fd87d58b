# A Latin-1 byte in a UTF-8 file.
print('before')
name = 'José'
