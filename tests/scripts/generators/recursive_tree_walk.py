tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [("b1x", [])])])])
def walk(node, depth=0):
    name, children = node
    yield depth, name
    for child in children:
        for item in walk(child, depth + 1):
            yield item
for depth, name in walk(tree):
    print("  " * depth + name)
def leaves(node):
    name, children = node
    if not children:
        yield name
    for c in children:
        yield from leaves(c)
print(list(leaves(tree)))
