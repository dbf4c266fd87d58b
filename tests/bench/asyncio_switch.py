"""asyncio's switch rate on the count of sched_switch.py: 10,000 tasks, each
awaiting asyncio.sleep(0) 100 times. Prints the switches per second."""
import asyncio
import sys
import time

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
TURNS = int(sys.argv[2]) if len(sys.argv) > 2 else 100


async def task():
    for _ in range(TURNS):
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(task() for _ in range(TASKS)))


start = time.perf_counter()
asyncio.run(main())
print("%.0f" % (TASKS * TURNS / (time.perf_counter() - start)))
