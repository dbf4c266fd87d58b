def none_implicit():
    x = 1
def none_bare():
    return
def multiple():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i == 2:
            return i
    return -1
print(none_implicit(), none_bare(), multiple(), early(5), early(1))
a, b, c = multiple()
print(b)
