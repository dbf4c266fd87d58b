# `name := value` in a comprehension binds where the enclosing function
# would: a local there, or a global when the function declared it global.
def last_even(numbers):
    global found
    evens = [found := n for n in numbers if n % 2 == 0]
    return evens


print(last_even([1, 2, 3, 4, 5]), found)


def running_total(numbers):
    total = 0
    sums = [total := total + n for n in numbers]
    return sums, total


print(running_total([1, 2, 3]))


def nested():
    global outer_name

    def inner():
        [outer_name := i for i in range(3)]
        return outer_name

    return inner()


print(nested(), "outer_name" in globals())
count = 0
print([count := count + 1 for _ in "abc"], count)
