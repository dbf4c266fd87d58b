# match, case and _ stay ordinary names outside a match statement.
match = [1, 2]
case = {"k": 3}
_ = "underscore"
print(match[0], case["k"], _)
def match_all(*args):
    return len(args)
match_all(1)
print(match_all(1, 2))
match match:
    case [case, _]:
        print("case is now", case)
