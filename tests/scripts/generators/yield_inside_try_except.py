def safe_ints(items):
    for it in items:
        try:
            yield int(it)
        except ValueError:
            yield "bad: " + repr(it)
print(list(safe_ints(["1", "two", "3"])))
