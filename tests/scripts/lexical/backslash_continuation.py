x = 1 + \
    2 + \
    3
print(x)
if x > 5 and \
   x < 7:
    print("six")
s = 'abc' \
    'def'
print(s)
