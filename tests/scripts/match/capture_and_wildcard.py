# A bare name captures anything; `_` matches without binding.
def first(v):
    match v:
        case 1:
            return "literal"
        case other:
            return f"captured {other!r}"

print(first(1))
print(first("x"))
print(first([1, 2]))

match 42:
    case _:
        print("wildcard matched")
try:
    print(_)
except NameError as e:
    print("NameError:", e)
