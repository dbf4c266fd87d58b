# `import pkg` runs pkg/__init__.py once and binds the package.
import pkgdemo
import pkgdemo
print(pkgdemo.VERSION)
print(type(pkgdemo).__name__)
