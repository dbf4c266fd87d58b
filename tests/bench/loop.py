# loop: an integer while loop of 20M iterations in a function (issue 4, item 9).
# Measures the dispatch loop itself: fast locals, compare, add, backward jump.


def main():
    i = 0
    total = 0
    while i < 20000000:
        total += i
        i += 1
    print(total)


main()
