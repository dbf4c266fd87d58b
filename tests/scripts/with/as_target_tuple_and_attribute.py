class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (x, y):
    print(x, y)
class Holder:
    pass
h = Holder()
with Pair() as h.value:
    pass
print(h.value)
