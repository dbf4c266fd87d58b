# A pool admits at most n tasks; the rest wait in its FIFO backlog (shown as
# waiting) and are appended after a finishing task's joiners.
import scheduler


def job(name, steps):
    for i in range(steps):
        print(name, "step", i)
        yield
    return name


pool = scheduler.Pool(2)
tasks = [pool.spawn(job("j%d" % i, 2)) for i in range(4)]
print(tasks)


def joiner():
    r = yield scheduler.join(tasks[0])
    print("joiner got", r)


scheduler.spawn(joiner())
scheduler.run()
print(tasks)
try:
    scheduler.Pool(0)
except ValueError as e:
    print("ValueError:", e)
