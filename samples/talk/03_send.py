# The talk "From Coroutines to Concurrency", part 3, PEP 342:
# generators that receive values with `send()`.
# Each notebook cell stands unchanged under its "# ---- In [n]" line.
# As a script, a cell's last expression is not echoed as in the notebook;
# tests/repl/notebook_session.py types the cells into the REPL, where it is.

# ---- In [26]
def squared():
    while True:
        n = yield
        print(n ** 2)
sqrd = squared()
next(sqrd)

# ---- In [27]
sqrd.send(3)

# ---- In [28]
sqrd.send(4)
