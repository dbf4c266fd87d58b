# A class whose __init__ builds a chain of objects re-enters the interpreter
# from C at every level (issue 10: Node(70) used to overflow the root stack).
class Node:
    def __init__(self, d):
        self.child = Node(d - 1) if d else None


def length(n):
    count = 0
    while n is not None:
        count += 1
        n = n.child
    return count


print(length(Node(70)))
print(length(Node(300)))
try:
    Node(100000)
except RecursionError as e:
    print(type(e).__name__, e)
print(length(Node(300)))  # everything still works after the error
