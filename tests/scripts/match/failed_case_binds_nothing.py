# Captures are stored only when the whole pattern matched.
def try_it(v):
    match v:
        case [a, b, 0]:
            return a, b
        case _:
            pass
    try:
        return a
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"

print(try_it([1, 2, 0]))
print(try_it([1, 2, 3]))
