print(float('1.5'), float('  -2.25  '), float('1e3'), float('.5'), float('5.'))
print(float(3), float(-7), float(True))
for s in ['abc', '', '1.2.3']:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
