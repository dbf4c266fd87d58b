# 'c' formats an int as a character, aligned right by default like other ints.
print(repr('{:4c}'.format(48)), repr(format(65, '3c')), repr(f'{66:<3c}|{67:^5c}|{68:*>4c}'))
print(repr('%4c' % 48), repr('%-4c|' % 'x'), repr('%c' % 0x263A))
print(repr(format(97, 'c')), repr('{:c}'.format(True)))
