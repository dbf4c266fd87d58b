import inspect
def gen():
    yield
def plain():
    return (x for x in [])
def never_yields_at_runtime():
    if False:
        yield
class K:
    def method(self):
        yield self
    def normal(self):
        pass
lam = lambda: (yield)
for obj in [gen, plain, never_yields_at_runtime, K.method, K().method, K().normal, lam, K, gen(), len]:
    print(inspect.isgeneratorfunction(obj))
