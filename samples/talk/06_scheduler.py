# The talk "From Coroutines to Concurrency", part 6, cooperative multitasking:
# the same round robin as a `Scheduler` class.
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

# ---- In [45]
class Scheduler:
    def __init__(self):
        self.tasks = []
    
    def add(self, task):
        self.tasks.append(task)
        
    def join(self):
        tasks = self.tasks
        while tasks:
            task = tasks.pop(0)
            try:
                next(task)
                tasks.append(task)
            except StopIteration:
                print('Finished')   

sink = print_sink()
squared = squared_pipe(sink)
mrp1 = my_range_pipe(1, squared)
mrp2 = my_range_pipe(3, squared)
mrp3 = my_range_pipe(5, squared)
next(sink)
next(squared)
next(mrp1)
next(mrp2)
next(mrp3)

s = Scheduler() 
s.add(mrp1)
s.add(mrp2)
s.add(mrp3)
s.join()
