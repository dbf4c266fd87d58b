total = (1 +
         2 +
         3)
items = [
    'a',
    'b',   # comment inside brackets
]
d = {'k':
     'v'}
print(total, items, d)
print(max(4,
          7,
          5))
