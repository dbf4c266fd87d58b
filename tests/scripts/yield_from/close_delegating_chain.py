def leaf():
    try:
        yield "leaf"
    finally:
        print("leaf finally")
def branch():
    try:
        yield from leaf()
    finally:
        print("branch finally")
def root():
    try:
        yield from branch()
    finally:
        print("root finally")
g = root()
print(next(g))
g.close()
print("closed", g.gi_frame is None)
