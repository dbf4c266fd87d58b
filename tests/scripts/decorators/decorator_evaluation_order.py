def d(label):
    print("eval decorator expr", label)
    def apply(fn):
        print("apply", label, "to", fn.__name__)
        return fn
    return apply
print("start")
@d(1)
@d(2)
def f():
    pass
print("end")
