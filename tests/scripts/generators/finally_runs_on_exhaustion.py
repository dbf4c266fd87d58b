def gen():
    try:
        yield 1
        yield 2
    finally:
        print("finally on normal exhaustion")
for x in gen():
    print(x)
print("after loop")
