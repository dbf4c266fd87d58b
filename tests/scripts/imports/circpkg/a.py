print("circpkg.a start")
from . import b
A = "A from circpkg.a"
print("circpkg.a end")
