# sys.version_info is a tuple with named fields.
import sys
v = sys.version_info
print(v.major, v.minor, v[:2], v >= (3, 8), v < (4,), len(v), isinstance(v, tuple), v[0] == 3)
print(type(v).__name__, type(v).__module__, v.releaselevel, v.serial, v.micro == v[2])
major, minor, *rest = v
print(major, minor, rest[-1], hash(v[:2]) == hash((3, 11)), list(v)[:2])
print(repr(v).split("micro")[0])
