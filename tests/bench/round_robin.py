# round_robin: 10,000 generator tasks each yielding 100 times, run round-robin
# (issue 5, item 7): 1,010,000 next() calls from Python, 10,000 StopIteration
# caught with their return values. Each round
# walks the task list and keeps the live ones for the next round.


def task(tid, steps):
    acc = 0
    for i in range(steps):
        acc += tid ^ i
        yield
    return acc


def main():
    tasks = [task(t, 100) for t in range(10000)]
    switches = 0
    total = 0
    while tasks:
        alive = []
        for t in tasks:
            try:
                next(t)
                switches += 1
                alive.append(t)
            except StopIteration as e:
                total += e.value
        tasks = alive
    print(switches, total)


main()
