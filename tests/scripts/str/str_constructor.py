print(str(42), str(-1.5), str(None), str(True), str([1, 'a']), str((1,)))
print(str(), repr(str()))
print(str("x"), str(b'ab'))
class A:
    pass
print(str(A()).startswith("<__main__.A object at"))
