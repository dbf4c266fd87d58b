# calls: 2.1M calls with default, keyword and keyword-only arguments, to plain
# functions, a lambda closure and a closure with nonlocal state (issue 4, item 9).


def make_counter(step):
    count = 0

    def tick(times=1):
        nonlocal count
        count += step * times
        return count

    return tick


def make_adder(n):
    return lambda x, k=1: x * k + n


def area(w, h=2, *, scale=1):
    return w * h * scale


def main():
    tick = make_counter(3)
    add = make_adder(5)
    total = 0
    for i in range(300000):
        total += area(i)
        total += area(i, 3)
        total += area(w=i, h=4)
        total += area(i, scale=2)
        total += add(i)
        total += add(i, k=2)
        total += tick()
    print(total)


main()
