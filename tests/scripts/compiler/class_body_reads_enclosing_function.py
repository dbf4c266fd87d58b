# A class body sees the enclosing function's variables (LOAD_CLASSDEREF); a
# name it assigns itself is looked up in the body's dict, then globals, and
# methods never see the body's names.
x = "global x"
def make(tag):
    x = "outer x"
    y = "outer y"
    class C:
        label = tag + "!"
        seen = y
        print("before assignment:", x)
        x = "class attr"
        print("after assignment:", x)
        def method(self):
            return x, y
        def uses_label(self):
            try:
                return label
            except NameError as e:
                return "NameError: " + str(e)
    return C
C = make("t")
print(C.label, C.seen, C.x, C().method())
print(C().uses_label())
