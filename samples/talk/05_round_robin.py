# The talk "From Coroutines to Concurrency", part 5, coroutines as tasks:
# a round-robin loop interleaves three pipes.
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

# ---- In [None]
# Coroutines and generalized control flow

# ---- In [None]
# Coroutines as tasks/pseudothreads

# ---- In [None]
# Cooperative Multitasking

# ---- In [44]
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

tasks = [mrp1, mrp2, mrp3]

def round_robin():
    while tasks:
        task = tasks.pop(0)
        try:
            next(task)
            tasks.append(task)
        except StopIteration:
            print('Finished')

round_robin()
