# A ChainMap reads through its maps in order; iteration lists the last map's keys first.
from collections import ChainMap

defaults = {"colour": "red", "user": "guest", "size": 1}
env = {"user": "ann", "shell": "sh"}
args = {"size": 3}
m = ChainMap(args, env, defaults)
print(m)
print(m["size"], m["user"], m["colour"])
print(list(m), len(m))
print(list(m.items()), list(m.values()))
print(m.keys(), m.values(), m.items())
print("shell" in m, "nope" in m, m.get("nope"), m.get("nope", 0), m.get("user"))
print(dict(m), {**m}, sorted(m))
print(m == {"size": 3, "user": "ann", "shell": "sh", "colour": "red"}, m == [1], m != {})
print(bool(ChainMap()), bool(ChainMap({}, {})), bool(ChainMap({}, {"a": 1})))
print(ChainMap(), ChainMap({}), m.maps)
try:
    m["nope"]
except KeyError as e:
    print("KeyError:", e)


class Quiet(dict):
    def __missing__(self, key):
        return "from dict"


class Defaulting(ChainMap):
    def __missing__(self, key):
        return "from chain"


print(ChainMap(Quiet())["x"], ChainMap(Quiet()).get("x"))
print(Defaulting({})["x"], Defaulting({}).get("x"), "x" in Defaulting({}))
loop = ChainMap()
loop["me"] = loop
print(loop)
try:
    hash(m)
except TypeError as e:
    print("TypeError:", e)
