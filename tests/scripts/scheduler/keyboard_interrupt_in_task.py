# KeyboardInterrupt from a task finishes it (unprinted), queues its joiners
# and propagates out of run(); a later run() goes on with the rest.
import scheduler


def interrupted():
    yield
    raise KeyboardInterrupt


def joiner(task):
    try:
        yield scheduler.join(task)
    except KeyboardInterrupt:
        print("joiner saw KeyboardInterrupt")


def other():
    for i in range(3):
        print("other", i)
        yield


k = scheduler.spawn(interrupted())
scheduler.spawn(joiner(k))
scheduler.spawn(other())
try:
    scheduler.run()
except KeyboardInterrupt:
    print("run() raised KeyboardInterrupt")
print(k)
scheduler.run()
print("second run done")
