# The talk "From Coroutines to Concurrency", part 7, a `Pool`:
# tasks scheduled as one unit (the notebook's quirks kept).
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# As a script, a cell's last expression is not echoed as in the notebook;
# tests/repl/notebook_session.py types the cells into the REPL, where it is.

# ---- not a cell: the definitions of In [42], which this part builds on
def my_range_pipe(n, next_coroutine):
    i = 0
    while i < n:
        yield
        next_coroutine.send(i)
        i += 1

def squared_pipe(next_coroutine):
    while True:
        n = yield
        next_coroutine.send(n ** 2)
    
def print_sink():
    while True:
        n = yield
        print(n)

# ---- In [46]
class Pool:
    def __init__(self, pool_size):
        self.tasks = []
        self.pool_size = pool_size
    
    def add(self, task):
        if self.pool_size > len(self.tasks):
            self.tasks.append(task)
            self.pool_size += 1
        
    def join(self):
        tasks = self.tasks
        while tasks:
            task = tasks.pop(0)
            try:
                next(task)
                self.tasks.append(task)
            except StopIteration:
                print('Finished')

class Scheduler:
    def __init__(self):
        # A task_unit can be a task, a Group, a Pool, etc
        self.task_units = []
    
    def add(self, task_unit):
        self.task_units.append(task_unit)
        
    def join(self):
        units = self.task_units
        while units:
            unit = units.pop(0)
            if isinstance(unit, Pool):
                unit.join()
            else:
                try:
                    next(unit)
                    units.append(unit)
                except StopIteration:
                    print('Finished') 
                    
sink = print_sink()
squared = squared_pipe(sink)
mrp1 = my_range_pipe(3, squared)
mrp2 = my_range_pipe(3, squared)
mrp3 = my_range_pipe(7, squared)
next(sink)
next(squared)
next(mrp1)
next(mrp2)
next(mrp3)

s = Scheduler() 
p = Pool(2)
p.add(mrp1)
p.add(mrp2)
s.add(p)
s.add(mrp3)
s.join()
