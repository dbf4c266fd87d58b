# many_gens: COUNT suspended generators (default 1,000,000) with two locals each,
# kept alive in a list (issue 5, item 7). The runner reads peak RSS with COUNT and
# with 0, and divides the difference by COUNT. The locals are small ints (cached by
# CPython, immediate in Baton) so only the generator and its frame are measured,
# plus the list's 8-byte slot in both.
import sys


def gen(a):
    b = a + 1
    yield a
    yield b


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000
    gens = []
    for i in range(count):
        g = gen(i % 100)
        next(g)
        gens.append(g)
    total = 0
    for g in gens:
        total += next(g)
    print(len(gens), total)


main()
