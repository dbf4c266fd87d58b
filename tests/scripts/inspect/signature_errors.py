# signature() of something that is not callable is a TypeError naming it.
from inspect import signature
for x in (42, 'abc', None, [1]):
    try:
        signature(x)
    except TypeError as e:
        print('TypeError', e)
# Baton's builtins carry no text signature, so only Python callables are asked here.
class Slots:
    __slots__ = ()
try:
    signature(Slots())
except TypeError as e:
    print('TypeError', e)
