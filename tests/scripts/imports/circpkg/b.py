print("circpkg.b start")
from . import a
print("b got", a.__name__, hasattr(a, "A"))
