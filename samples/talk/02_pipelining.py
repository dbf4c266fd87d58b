# The talk "From Coroutines to Concurrency", part 2, generator pipelining:
# one generator consumes another.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# As a script, a cell's last expression is not echoed as in the notebook;
# tests/repl/notebook_session.py types the cells into the REPL, where it is.

# ---- not a cell: the definitions of In [1], which this part builds on
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1

# ---- In [None]
# Generator pipelining

# ---- In [14]
def squared_range(n):
    for i in my_range(n):
        yield i ** 2
sr = squared_range(10)

# ---- In [25]
next(sr)
