# Inside a package, b's `from . import a` finds the half-run a in sys.modules.
import circpkg
print(circpkg.A)
print(circpkg.a.b.a is circpkg.a)
