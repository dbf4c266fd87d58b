# new_child, parents, copy, fromkeys and the | and |= merges of a ChainMap.
from collections import ChainMap

base = ChainMap({"a": 1}, {"b": 2})
print(base.new_child())
print(base.new_child(x=1))
print(base.new_child({"q": 1}, x=2))
print(base.parents, base.parents.parents, ChainMap({}).parents)
c = base.copy()
c["a"] = 100
c.maps[1]["b"] = 200
print(base, c, c.__copy__() is c)
print(ChainMap.fromkeys("ab"), ChainMap.fromkeys(range(2), 0))
print(base | {"z": 26}, base)
print({"z": 26, "a": 0} | base)
print(base.__or__(3), base.__ror__(3))
base |= {"y": 25}
print(base)


class Sub(ChainMap):
    pass


print(Sub({"s": 1}).new_child(), Sub({"s": 1}, {"t": 2}).parents, Sub.fromkeys("k"))
print(type(Sub({}) | {}).__name__, type({} | Sub({})).__name__)
