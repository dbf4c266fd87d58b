# X | Y between classes makes a types.UnionType (3.10+): printed, compared, and
# accepted by isinstance and issubclass.
class Node:
    pass


u = int | None
print(u, type(u).__name__, u.__args__, int | str | None, str | int == int | str)
print(int | int, (int | str) | float, list[int] | None, None | int, Node | int)
print(isinstance(3, int | str), isinstance(None, int | None), isinstance(2.5, int | str))
print(issubclass(bool, int | str), isinstance([], (dict, list | tuple)), hash(int | str) == hash(str | int))
for bad in (lambda: int | 3, lambda: 3 | int, lambda: isinstance(1, int | list[int])):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
