# An import gives what sys.modules holds once the module's body has run.
from pkgdemo import swap
print(swap)
import pkgdemo.swap
print(pkgdemo.swap)
