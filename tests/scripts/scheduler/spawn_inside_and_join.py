# Tasks spawn tasks and join them: a join answers with the return value, or
# raises the task's exception at the yield; several joiners wake in order.
import scheduler


def child(n):
    yield
    yield
    return n * 10


def failing():
    yield
    raise ValueError("child failed")


def parent():
    kid = scheduler.spawn(child(4))
    print("parent spawned", kid)
    value = yield scheduler.join(kid)
    print("parent got", value, kid)
    bad = scheduler.spawn(failing(), name="bad")
    try:
        yield scheduler.join(bad)
    except ValueError as e:
        print("parent caught", repr(e))
    again = yield scheduler.join(kid)  # already finished: answered in the same turn
    print("joined again", again)
    return "parent done"


def watcher(name, task_holder):
    result = yield scheduler.join(task_holder[0])
    print(name, "saw", result)


p = scheduler.spawn(parent())
holder = [p]
scheduler.spawn(watcher("w1", holder))
scheduler.spawn(watcher("w2", holder))
scheduler.run()
print(p.result())
