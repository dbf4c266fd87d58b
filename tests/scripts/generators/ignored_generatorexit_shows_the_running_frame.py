# A generator that yields again when the collector closes it: the
# RuntimeError is reported as unraisable, with a traceback of the one frame
# that was running when the close happened, as CPython shows it. (del and
# gc.collect() share a line: CPython closes at the del, Baton at the
# collection.)
import gc


def stubborn():
    try:
        yield 1
    finally:
        yield 2


def main():
    g = stubborn(); next(g); del g; gc.collect()
    print("in main")


main()
g = stubborn(); next(g); del g; gc.collect()
print("end")
