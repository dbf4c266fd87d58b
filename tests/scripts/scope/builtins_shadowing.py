print(len("abc"))
def len(x):
    return "shadowed"
print(len("abc"))
del len
print(len("abc"))
list_ = list
def f():
    list = "local"
    return list
print(f(), list_("ab"))
