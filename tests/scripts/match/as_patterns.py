# `pattern as name` binds the whole value that matched the pattern.
def f(v):
    match v:
        case [(1 | 2) as small, *_] as whole:
            return f"starts with {small} in {whole}"
        case {"k": [_, _] as pair}:
            return f"pair {pair}"
        case str() as s:
            return f"a string {s!r}"
    return "nothing"

print(f([2, 9]))
print(f((1,)))
print(f({"k": [3, 4]}))
print(f("s"))
print(f([3]))
