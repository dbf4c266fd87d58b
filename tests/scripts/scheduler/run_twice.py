# After run() returns, spawn and run again work; task numbers go on.
import scheduler


def hello(n):
    print("hello", n)
    yield


print(scheduler.spawn(hello(1)))
scheduler.run()
print(scheduler.spawn(hello(2)))
scheduler.run()
scheduler.run()  # nothing to do
print("done")
