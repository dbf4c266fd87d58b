# A keyword sub-pattern may name an attribute only once.
class P:
    pass
match P():
    case P(x=1, y=2, x=3):
        pass
