# `import a.b.c as x` binds the submodule itself, not the top package.
import pkgdemo.sub.other as o
print(o.__name__, o.X)
print("pkgdemo" in dir())
