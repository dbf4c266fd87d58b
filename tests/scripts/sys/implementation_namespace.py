# sys.implementation is a namespace (its name differs: 'baton' here) and
# sys.version_info a tuple with named fields.
import sys

impl = sys.implementation
print(type(impl).__name__, repr(impl).startswith("namespace(name="))
print("version=sys.version_info(" in repr(impl), impl.cache_tag is None or True)
print(isinstance(impl.name, str), impl.version.releaselevel, type(impl.hexversion))
v = sys.version_info
print(v[:2], v.major, v.minor, v >= (3, 11), len(v), type(v).__name__)
print("%s.%s" % v[:2], list(v)[3:])
