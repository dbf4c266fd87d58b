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
    print("all done, after the longest countdown:", time.monotonic() - start >= 1.0)


# Wake-ups 0.1 s apart at the closest (rocket 0.3 0.6 0.9, kettle 0.5 1.0),
# so a loaded machine's late wake-ups do not change the order.
rocket = scheduler.spawn(countdown("rocket", 3, 0.3))
kettle = scheduler.spawn(countdown("kettle", 2, 0.5))
scheduler.spawn(supervisor([rocket, kettle]))
print(rocket, kettle)
scheduler.run()
print(rocket, kettle)
