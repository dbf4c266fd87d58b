n = 0
while n < 3:
    n += 1
else:
    print("loop finished normally", n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print("not printed")
print("after", n)
while False:
    pass
else:
    print("empty while else")
