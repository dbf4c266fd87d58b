def producer():
    yield 1
g = producer()
print(g.gi_code.co_name)
print((x for x in []).gi_code.co_name)
class K:
    def method(self):
        yield self
print(K().method().gi_code.co_name, g.gi_code is producer().gi_code)
