def tree_sum(node):
    value, children = node
    yield value
    total = value
    for child in children:
        total += yield from tree_sum(child)
    return total
tree = (1, [(2, [(4, [])]), (3, [])])
g = tree_sum(tree)
seen = []
while True:
    try:
        seen.append(next(g))
    except StopIteration as e:
        print(seen, "total", e.value)
        break
