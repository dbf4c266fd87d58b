# A circular import inside a package: a imports b, b imports a.
from .a import A
