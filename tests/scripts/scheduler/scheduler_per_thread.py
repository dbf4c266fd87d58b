# One scheduler per thread: each runs its own tasks; joining a task of
# another thread's scheduler is a RuntimeError at the yield.
import threading

import scheduler

main_task = None


def count(name, n):
    for i in range(n):
        yield
    return name


def in_thread(results):
    t = scheduler.spawn(count("thread task", 2))

    def cross():
        try:
            yield scheduler.join(main_task)
        except RuntimeError as e:
            results.append(str(e))

    scheduler.spawn(cross())
    scheduler.run()
    results.append(t.result())


main_task = scheduler.spawn(count("main task", 3))
results = []
th = threading.Thread(target=in_thread, args=(results,))
th.start()
th.join()
print(results)
print(main_task.done())
scheduler.run()
print(main_task.result())
