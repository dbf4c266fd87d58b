# __all__ names a submodule that `from starpkg import *` must import.
__all__ = ["alpha", "CONST"]
CONST = "const"
