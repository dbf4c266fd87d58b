# __name__, __package__, __file__ and __path__ of a package, a subpackage and modules
# (the golden files mask the absolute folder of the script).
import pkgdemo.sub.other
import pkgdemo.leaf


def show(m):
    print(m.__name__, repr(m.__package__), m.__file__, getattr(m, "__path__", "-"))


show(pkgdemo)
show(pkgdemo.sub)
show(pkgdemo.sub.other)
show(pkgdemo.leaf)
print(__name__, __package__)
