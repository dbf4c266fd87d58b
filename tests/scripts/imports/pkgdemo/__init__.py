# A package the tests in this folder import (not a test: see tests/README.md).
print("init pkgdemo")
VERSION = 1
