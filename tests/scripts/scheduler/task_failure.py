# A task that raises is finished with that exception, printed at once on
# stderr; the other tasks go on.
import scheduler


def ok(n):
    for i in range(n):
        print("ok", i)
        yield


def divide(a, b):
    yield
    return a / b


bad = scheduler.spawn(divide(1, 0))
good = scheduler.spawn(ok(3))
scheduler.run()
print(bad.done(), type(bad.exception()).__name__)
try:
    bad.result()
except ZeroDivisionError as e:
    print("result() re-raises:", e)
print(good.result())
