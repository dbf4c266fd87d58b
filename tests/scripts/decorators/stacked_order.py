def tag(name):
    print("making", name)
    def deco(fn):
        print("applying", name)
        def w():
            return "<" + name + ">" + fn() + "</" + name + ">"
        return w
    return deco
@tag("b")
@tag("i")
def text():
    return "x"
print(text())
