class Sub:
    def __iter__(self):
        return self
    def __next__(self):
        return "sub value"
    def throw(self, *args):
        print("Sub.throw got", args[0].__name__ if isinstance(args[0], type) else type(args[0]).__name__)
        return "sub handled throw"
    def close(self):
        print("Sub.close called")
def gen():
    yield from Sub()
g = gen()
print(next(g))
print(g.throw(ValueError("x")))
g.close()
print("closed", g.gi_frame is None)
