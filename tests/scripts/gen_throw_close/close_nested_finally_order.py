def gen():
    try:
        try:
            try:
                yield "deep"
            finally:
                print("inner finally")
        finally:
            print("middle finally")
    finally:
        print("outer finally")
g = gen()
print(next(g))
g.close()
print("done")
