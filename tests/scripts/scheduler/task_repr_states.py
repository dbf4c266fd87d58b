# A Task's repr names its state: ready, running, sleeping, waiting, done.
import scheduler

tasks = {}


def sleeper():
    yield scheduler.sleep(0.01)


def waiter():
    yield scheduler.join(tasks["sleeper"])


def observer():
    print("running:", scheduler.current())
    yield
    print("sleeping:", tasks["sleeper"])
    print("waiting:", tasks["waiter"])


tasks["sleeper"] = scheduler.spawn(sleeper(), name="sleeper")
tasks["waiter"] = scheduler.spawn(waiter(), name="waiter")
obs = scheduler.spawn(observer(), name="observer")
print("ready:", obs)
scheduler.run()
print("done:", obs, tasks["sleeper"], tasks["waiter"])
print(scheduler.current())
