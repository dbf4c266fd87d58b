# The talk "From Coroutines to Concurrency", part 1, generators:
# a function with `yield` makes a generator; `next`, `for` and `list()` drive it,
# and `StopIteration` says it is done.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# As a script, a cell's last expression is not echoed as in the notebook;
# tests/repl/notebook_session.py types the cells into the REPL, where it is.

# ---- In [None]
talk_title = 'From Coroutines to Concurrency'
full_name  = 'Vishal Vivek Prasad'

# ---- In [None]
# Discuss preliminaries

# ---- In [None]
# Discuss the GIL

# ---- In [None]
# Discuss Generators

# ---- In [1]
def my_range(n):
    i = 0
    while i < n:
        yield i
        i += 1
mr = my_range(10)
mr

# ---- In [12]
next(mr)

# ---- In [13]
for i in my_range(10):
    print(i)
l = list(my_range(10))
l

# ---- In [None]
'''
# Indispensable for handling database records

import psycopg2
conn = psycopg2.connect("dbname=test user=postgres")
cur = conn.cursor()
cur.execute("SELECT * FROM test;")
'''
