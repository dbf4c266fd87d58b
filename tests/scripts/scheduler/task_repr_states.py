# A Task's repr names its state: ready, running, sleeping, waiting, done.
import scheduler

tasks = {}


def sleeper():
    yield scheduler.sleep(0.01)


def waiter():
    yield scheduler.join(tasks["sleeper"])


def observer():
    # The sleeper and the waiter ran before this first step, so their
    # states are settled now; after a yield, a slow machine may already
    # have woken the sleeper.
    print("running:", scheduler.current())
    print("sleeping:", tasks["sleeper"])
    print("waiting:", tasks["waiter"])
    yield


tasks["sleeper"] = scheduler.spawn(sleeper(), name="sleeper")
tasks["waiter"] = scheduler.spawn(waiter(), name="waiter")
obs = scheduler.spawn(observer(), name="observer")
print("ready:", obs)
scheduler.run()
print("done:", obs, tasks["sleeper"], tasks["waiter"])
print(scheduler.current())
