# The TypeErrors and RuntimeErrors of await, in CPython's words.
import types

async def get(x):
    return await x

def check(label, x):
    c = get(x)
    try:
        c.send(None)
    except StopIteration as e:
        print(label, "->", e.value)
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    finally:
        c.close()

class NoIter:
    def __await__(self):
        return 7

check("int", 5)
check("None", None)
check("non-iterator", NoIter())

async def five():
    return 5

done = five()
check("first", done)
check("again", done)

fresh = five()
try:
    iter(fresh)
except TypeError as e:
    print("iter:", e)
fresh.close()

c = five()
try:
    c.send("hello")
except TypeError as e:
    print("send:", e)
c.close()

async def stops():
    raise StopIteration("x")

try:
    stops().send(None)
except RuntimeError as e:
    print("PEP 479:", e, type(e.__cause__).__name__)
