class Weird:
    def __bool__(self):
        return 1
try:
    bool(Weird())
except TypeError as e:
    print(type(e).__name__, e)
try:
    if Weird():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), not LenOnly())
