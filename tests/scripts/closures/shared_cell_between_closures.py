def pair():
    value = "init"
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = pair()
print(get())
set_("changed")
print(get())
get2, set2 = pair()
print(get2(), get())
