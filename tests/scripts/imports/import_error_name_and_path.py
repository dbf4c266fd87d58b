# The ImportErrors of import carry the module's name (and for a missing name, the file).
import os.path


def show(e):
    path = e.path if e.path is None else os.path.basename(e.path)
    print(type(e).__name__, e.name, path, e.msg == str(e))


for stmt in ["import no_such_mod", "import pkgdemo.nothere", "import pkgdemo.leaf.x",
             "from pkgdemo import nothere", "from pkgdemo.nsub import nothere",
             "from . import x"]:
    try:
        exec(stmt)
    except ImportError as e:
        show(e)
e = ImportError("m", name="n", path="p")
print(e.msg, e.name, e.path, e.args)
e = ModuleNotFoundError("a", "b")
print(e.msg, e.name, e.path, e)
try:
    ImportError("m", where=1)
except TypeError as e:
    print(e)


class MyImportError(ImportError):
    pass


e = MyImportError("m", name="n", path="p")
print(type(e).__name__, e.msg, e.name, e.path)
