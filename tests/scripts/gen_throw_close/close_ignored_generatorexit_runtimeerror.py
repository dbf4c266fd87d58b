def stubborn():
    try:
        yield "value"
    except GeneratorExit:
        print("caught GeneratorExit, yielding anyway")
        yield "refused to stop"
    print("resumed after the failed close")
g = stubborn()
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
print(g.gi_frame is None)
print(next(g, "now exhausted"))
