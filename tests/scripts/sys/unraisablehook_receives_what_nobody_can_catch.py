# sys.unraisablehook gets the exceptions nobody can catch (a generator that
# ignores GeneratorExit when the collector closes it, a weakref callback) as
# an UnraisableHookArgs; a hook that raises is reported itself; the default
# is sys.__unraisablehook__.
import sys, gc
print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook)
seen = []
def hook(u):
    seen.append(u)
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg, type(u.object).__name__, type(u).__name__, len(u))
    print(u.exc_traceback is u.exc_value.__traceback__, u.exc_traceback.tb_lineno > 0)
sys.unraisablehook = hook
def stubborn():
    try:
        yield 1
    finally:
        yield 2
g = stubborn(); next(g); del g; gc.collect()
import weakref
class C: pass
def cb(r):
    raise ValueError("in callback")
c = C(); r = weakref.ref(c, cb); del c; gc.collect()
def bad(u):
    raise KeyError("hook failed")
sys.unraisablehook = bad
g = stubborn(); next(g); del g; gc.collect()
sys.unraisablehook = sys.__unraisablehook__
g = stubborn(); next(g); del g; gc.collect()
try:
    sys.__unraisablehook__(5)
except TypeError as e:
    print(e)
print(len(seen), repr(seen[0])[:40], type(seen[0]).__module__)
