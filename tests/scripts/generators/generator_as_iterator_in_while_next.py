def words(text):
    for w in text.split():
        yield w
it = words("the quick brown fox")
out = []
w = next(it, None)
while w is not None:
    out.append(w.upper())
    w = next(it, None)
print(out)
