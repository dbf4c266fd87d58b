# `from pkg import *` imports the submodules named in pkg.__all__.
import sys
from starpkg import *
print(alpha.NAME, CONST)
print(sorted(k for k in sys.modules if k.startswith("starpkg")))
