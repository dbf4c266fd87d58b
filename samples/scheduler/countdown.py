# Countdowns that sleep: each task sleeps between its steps, and the
# scheduler wakes them in deadline order, one thread, no busy waiting.
# (The talk's round-robin Scheduler has no way to sleep: a task that wants
# to wait must be resumed over and over just to look at the clock.)
import time

import scheduler

start = time.monotonic()


def countdown(name, n, interval):
    while n > 0:
        print(name, n)
        n -= 1
        yield scheduler.sleep(interval)
    print(name, "lift-off" if name == "rocket" else "whistles")


def supervisor(tasks):
    for t in tasks:
        yield scheduler.join(t)
    print("all done, after the longest countdown:", time.monotonic() - start >= 0.3)


rocket = scheduler.spawn(countdown("rocket", 3, 0.1))
kettle = scheduler.spawn(countdown("kettle", 2, 0.17))
scheduler.spawn(supervisor([rocket, kettle]))
print(rocket, kettle)
scheduler.run()
print(rocket, kettle)
