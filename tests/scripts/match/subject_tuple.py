# `match a, b:` matches a tuple; a top-level `a, b` is a sequence pattern.
def fizz(n):
    match n % 3, n % 5:
        case 0, 0:
            return "FizzBuzz"
        case 0, _:
            return "Fizz"
        case _, 0:
            return "Buzz"
        case _:
            return str(n)

print(" ".join(fizz(n) for n in range(1, 16)))
match 1, *[2, 3]:
    case first, *others:
        print(first, others)
