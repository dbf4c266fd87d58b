for i in my_range(10):
    print(i)
l = list(my_range(10))
l
