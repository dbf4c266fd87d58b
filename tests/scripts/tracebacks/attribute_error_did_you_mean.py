# CPython 3.11 suggests the closest attribute from dir(obj) for an
# AttributeError: on an instance, a module, a class; none when nothing is close.
import math


class Pool:
    def join(self):
        return 'joined'


for expr in ['math.pii', 'Pool.jion', '[].apend', 'Pool().xyzzy']:
    try:
        eval(expr)
    except AttributeError as e:
        print(type(e).__name__, e)
Pool().joinn()
