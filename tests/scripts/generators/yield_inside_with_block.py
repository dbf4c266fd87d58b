class CM:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
def gen():
    with CM():
        yield 1
        yield 2
    yield "after with"
print(list(gen()))
