def gen():
    try:
        for i in range(10):
            yield i
    finally:
        print("finally via close from loop body")
g = gen()
for x in g:
    print(x)
    if x == 2:
        g.close()
print("loop ended")
