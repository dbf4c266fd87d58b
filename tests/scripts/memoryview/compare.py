# == compares items (any bytes-like other side, any formats); hashing needs read-only bytes.
from array import array

print(memoryview(b'abc') == b'abc', b'abc' == memoryview(b'abc'), memoryview(b'abc') != b'abd')
print(memoryview(b'abcdef')[2:4] == b'cd', b'cd' == memoryview(b'abcdef')[2:4])
print(memoryview(b'abc') == bytearray(b'abc'), bytearray(b'abc') == memoryview(b'abc'))
print(memoryview(array('h', [1, 2])) == array('h', [1, 2]), memoryview(b'ab') == memoryview(b'ab'))
print(memoryview(array('d', [1.0])) == memoryview(array('i', [1])), memoryview(b'a') == 'a')
print(memoryview(array('b', [1, 2])) == [1, 2], memoryview(b'') == b'', memoryview(b'ab') == b'a')
nan = memoryview(array('d', [float('nan')]))
print(nan == nan, memoryview(b'ab')[::-1] == b'ba')
print(hash(memoryview(b'abc')) == hash(b'abc'), hash(memoryview(b'xabc')[1:]) == hash(b'abc'))
print(len({memoryview(b'k'): 1, b'k': 2}))
