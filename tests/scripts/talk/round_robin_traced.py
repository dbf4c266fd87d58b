# The talk's round robin, printing each switch between generator tasks.
def task(name, steps):
    for i in range(steps):
        print("  ", name, "step", i)
        yield
    return name + " result"

tasks = [task("A", 2), task("B", 3), task("C", 1)]
switches = 0
while tasks:
    t = tasks.pop(0)
    try:
        next(t)
        switches += 1
        tasks.append(t)
    except StopIteration as e:
        print("finished with", repr(e.value))
print("switches:", switches)
