def make(step):
    def gen(start=0, stop=10):
        n = start
        while n < stop:
            yield n
            n += step
    return gen
by3 = make(3)
print(list(by3()), list(by3(1, 8)), list(make(5)(stop=20)))
