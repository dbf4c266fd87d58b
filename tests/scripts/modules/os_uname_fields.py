# os.uname() is a 5-tuple with named fields (its values depend on the machine,
# so only their shape is printed).
import os

u = os.uname()
print(type(u).__name__, len(u), isinstance(u, tuple))
print([type(v).__name__ for v in u], u.sysname == u[0], u.machine == u[-1])
print(("%s|" * len(u)) % u == "".join(v + "|" for v in u))
print(repr(u).startswith("posix.uname_result(sysname="), "machine=" in str(u))
sysname, nodename, release, version, machine = u
print(sysname == u.sysname, release == u.release, version == u.version)
