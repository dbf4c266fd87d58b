class Letters:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return "abc"[i]
print(list(Letters()), "b" in Letters(), [x.upper() for x in Letters()])
it = iter(Letters())
print(next(it), next(it))
