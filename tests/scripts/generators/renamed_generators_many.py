# Many generators whose names are not their code's: made from a renamed
# function, or renamed one by one; most are dropped and collected while the
# kept ones must keep their own names (Baton keeps such names in a table
# that the collector prunes).
import gc


def counter(n):
    yield n


counter.__name__ = "renamed"
counter.__qualname__ = "Outer.renamed"
kept = []
for i in range(20000):
    g = counter(i)
    if i % 7 == 0:
        g.__name__ = "g%d" % i
    if i % 1000 == 0:
        kept.append(g)
    if i % 5000 == 0:
        gc.collect()
gc.collect()
for g in kept:
    print(g.__name__, g.__qualname__, next(g))
counter.__name__ = "again"
later = counter(5)
print(later.__name__, later.__qualname__, kept[1].__name__)
later.__qualname__ = "Q"
gc.collect()
print(later.__name__, later.__qualname__, [g.__name__ for g in kept[:3]])
