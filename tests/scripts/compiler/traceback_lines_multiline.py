# Each traceback line is the line of the instruction that failed: the call's
# line for a call spread over several lines, the operator's line inside it.
class Box:
    def __init__(self, v):
        self.v = v
def add(a,
        b):
    return (a +
            b)
def build():
    items = [1,
             2,
             add(Box(1).v,
                 None)]
    return items
def loop():
    for i in range(3):
        if i == 2:
            build()
loop()
