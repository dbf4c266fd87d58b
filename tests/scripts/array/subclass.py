# array.array can be subclassed; the subclass keeps the buffer behaviour.
from array import array


class Samples(array):
    def mean(self):
        return sum(self) / len(self)


s = Samples('h', [2, 4, 9])
print(s, type(s).__name__, s.mean(), s.typecode)
s.append(1)
print(s, len(s), bytes(s), s == array('h', [2, 4, 9, 1]))
print(type(s[1:]).__name__, type(s + s).__name__)
s.label = 'x'
print(s.label, memoryview(s).tolist())
