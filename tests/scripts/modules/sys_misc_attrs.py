import sys
print(sys.maxsize, sys.maxsize == 9223372036854775807)
print(type(sys.version).__name__, len(sys.version) > 0)
print(type(sys.implementation.name).__name__)
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
