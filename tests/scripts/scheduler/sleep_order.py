# Sleepers wake earliest deadline first; equal deadlines in the order they
# slept; sleep(0) is a plain give-way.
import scheduler


def sleeper(name, secs):
    print(name, "sleeps", secs)
    yield scheduler.sleep(secs)
    print(name, "woke")


def give_way():
    for i in range(3):
        print("give way", i)
        yield scheduler.sleep(0)


scheduler.spawn(sleeper("long", 0.06))
scheduler.spawn(sleeper("short", 0.02))
scheduler.spawn(sleeper("tie-1", 0.04))
scheduler.spawn(sleeper("tie-2", 0.04))
scheduler.spawn(give_way())
scheduler.run()
