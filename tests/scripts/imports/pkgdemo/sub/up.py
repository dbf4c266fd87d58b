# Relative imports two levels up (the package above this one).
from .. import leaf
from ..leaf import VALUE
from .. import VERSION
print("up sees", leaf.__name__, VALUE, VERSION)
