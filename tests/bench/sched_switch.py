"""Task switches per second: 10,000 tasks giving way 100 times each (1M switches).

Run by sched_table.py under Baton (the built-in scheduler) and, as a reference,
under python3 with tests/scheduler_model on PYTHONPATH; asyncio_switch.py is
the same count with asyncio. Prints the switches per second.
"""
import sys
import time

import scheduler

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
TURNS = int(sys.argv[2]) if len(sys.argv) > 2 else 100


def task():
    for _ in range(TURNS):
        yield


for _ in range(TASKS):
    scheduler.spawn(task())
start = time.perf_counter()
scheduler.run()
print("%.0f" % (TASKS * TURNS / (time.perf_counter() - start)))
