def f(n):
    if n > 0:
        for i in range(n):
            if i % 2:
                print("odd", i)
            else:
                print("even", i)
    else:
        print("none")
    return n
f(3)
f(0)
