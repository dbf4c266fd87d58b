# The talk "From Coroutines to Concurrency", part 4, the coroutine pipe:
# values pushed through three coroutines with `send()`.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# As a script, a cell's last expression is not echoed as in the notebook;
# tests/repl/notebook_session.py types the cells into the REPL, where it is.

# ---- In [42]
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
    
sink = print_sink()
next(sink)
squared = squared_pipe(sink)
next(squared)
mrp = my_range_pipe(10, squared)
next(mrp)

# ---- In [43]
next(mrp)
