print('a\tb')
print("line1\nline2")
print('back\\slash')
print('it\'s', "say \"hi\"")
print('\x41\x42\x43', '\u00e9\u4e2d', '\0' == chr(0))
print(len('\n\t\\\x00'))
print(repr('\x7f\x01'))
print('no newline here \
continues')
