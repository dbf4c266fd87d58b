"""Generate the front-end benchmark's input: a long, varied, valid Python source.

usage: frontend_gen.py [LINES] > FILE   (default 100,000 lines)
run.py imports make_source(); the file is valid for both python3's compile() and
`baton --check`, and uses every statement kind a student's program would: defs with
defaults and keyword-only arguments, decorated classes, loops, comprehensions,
strings of every kind, f-strings, try/except/finally, with, lambda, yield.
"""
import sys

# One block of about 60 lines; {i} makes every name unique, so the symbol tables
# and name lists grow the way they do in a real large module.
BLOCK = '''\
# block {i}: a little of everything
import math as m{i}
from os import path as p{i}, sep as s{i}

CONST_{i} = 0x{i:x} + 0o17 + 0b1010 + 1_000 + 3.5e-3 + .25 + {i}.


def helper_{i}(a, b=2, *args, key=None, **kw):
    """Docstring for helper {i}."""
    total = a + b * {i} - (a // 3) % 7 ** 2
    if a < b <= total and not key:
        total += sum(x * x for x in args if x % 2 == 0)
    elif key is not None or b in (1, 2, 3):
        total -= len(kw)
    else:
        total <<= 1
    return total if total > 0 else -total


@staticmethod
def decorated_{i}(x):
    return [y ** 2 for y in range(x) if y & 1]


class Shape{i}(object):
    """A shape, number {i}."""
    sides = {i} % 9
    names = {{'a': 1, 'b': [1, 2, 3], "c": (4, 5)}}

    def __init__(self, w, h=1.5):
        self.w, self.h = w, h
        self.tags = {{t for t in ("x", "y", 'z')}}

    @property
    def area(self):
        return self.w * self.h

    def describe(self, *, prec=2):
        return f"Shape{i}(w={{self.w!r}}, h={{self.h:.{{prec}}f}}) -> {{self.area:>10}}"


def gen_{i}(n):
    i = 0
    while i < n:
        got = yield i
        if got:
            i += got
        i += 1
    yield from range(3)


def work_{i}(items):
    out = {{}}
    for k, v in enumerate(items[1:-1:2]):
        try:
            out[k] = v / (k - 3)
        except ZeroDivisionError as e:
            out[k] = str(e)
        except (TypeError, ValueError):
            raise RuntimeError('bad item %d' % k) from None
        finally:
            del v
    with open(p{i}.join("a", "b")) as f, open('c') as g:
        data = f.read() + g.read()
    key = lambda pair: (pair[1], -pair[0])
    first, *rest = sorted(out.items(), key=key)
    assert first, "empty: " + r'\\raw' + b'bytes'.decode()
    return {{k: v for k, v in rest}}, [a for a in data.split() if a]
'''


def make_source(lines=100000):
    """Return exactly LINES lines: whole BLOCKs, then simple assignments to fill up."""
    block_lines = BLOCK.count('\n') + 1  # the blank line that joins two blocks
    blocks = lines // block_lines
    parts = [BLOCK.format(i=i) + '\n' for i in range(blocks)]
    parts += ['filler_%d = %d\n' % (j, j) for j in range(lines - blocks * block_lines)]
    return ''.join(parts)

if __name__ == '__main__':
    sys.stdout.write(make_source(int(sys.argv[1]) if len(sys.argv) > 1 else 100000))
