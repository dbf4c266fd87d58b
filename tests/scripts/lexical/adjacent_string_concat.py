s = 'one' "two" '''three'''
print(s)
t = ('a'
     'b'
     'c')
print(t, len(t))
print('x' r'\n' 'y')
print(b'ab' b'cd')
