# deque_round_robin: the talk's Scheduler on a collections.deque: 10,000
# generator tasks of 100 yields each, popped from the left and appended on the
# right after each step (1,010,000 popleft/append pairs and next() calls).
from collections import deque


def task(tid, steps):
    acc = 0
    for i in range(steps):
        acc += tid ^ i
        yield
    return acc


def main():
    ready = deque(task(t, 100) for t in range(10000))
    switches = 0
    total = 0
    while ready:
        t = ready.popleft()
        try:
            next(t)
            switches += 1
            ready.append(t)
        except StopIteration as e:
            total += e.value
    print(switches, total)


main()
