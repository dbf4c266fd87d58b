# A circular from-import of a name that is not defined yet.
from .a import A
