# The talk's Pool increments pool_size on every add, so it never refuses a task.
class Pool:
    def __init__(self, pool_size):
        self.tasks = []
        self.pool_size = pool_size

    def add(self, task):
        if self.pool_size > len(self.tasks):
            self.tasks.append(task)
            self.pool_size += 1

def ticker(name, n):
    for i in range(n):
        yield name, i

p = Pool(1)
for k in range(4):
    p.add(ticker("t%d" % k, 1))
print(len(p.tasks), p.pool_size)
print([next(t) for t in p.tasks])
