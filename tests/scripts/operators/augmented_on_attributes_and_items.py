class C:
    pass
c = C()
c.n = 1
c.n += 10
c.n *= 2
print(c.n)
lst = [1, 2, 3]
i = 0
def idx():
    global i
    i += 1
    print("idx called")
    return 1
lst[idx()] += 100
print(lst, i)
