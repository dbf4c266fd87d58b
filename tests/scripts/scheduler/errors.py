# Every error message of the module.
import scheduler


def attempt(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt(scheduler.spawn, 5)
attempt(scheduler.spawn, lambda: 1)
attempt(scheduler.sleep, -1)
attempt(scheduler.sleep, "x")
attempt(scheduler.readable, "x")
attempt(scheduler.writable, -3)
attempt(scheduler.join, 5)
attempt(scheduler.Pool, 0)


def gen():
    yield


t = scheduler.spawn(gen())
attempt(t.result)
attempt(t.exception)


def bad_requests():
    try:
        yield 42
    except TypeError as e:
        print("TypeError:", e)
    try:
        yield "text"
    except TypeError as e:
        print("TypeError:", e)
    try:
        yield scheduler.join(scheduler.current())
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        scheduler.run()
    except RuntimeError as e:
        print("RuntimeError:", e)


scheduler.spawn(bad_requests())
scheduler.run()
print(t.result(), t.exception())
