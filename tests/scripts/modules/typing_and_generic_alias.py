# typing: the names annotations use, subscriptable, printed as CPython prints them.
from typing import (Any, Callable, Dict, Generator, Generic, Iterator, List, Optional,
                    Tuple, TypeVar, Union, cast)

T = TypeVar("T")
print(List, List[int], Dict[str, float], Tuple[str, ...], Optional[int], Union[int, str])
print(Union[int], Union[int, None], Callable[[Any], T], T, Generator[int, None, None])
print(List[int] == List[int], Iterator[str], cast(int, "x"))


def countdown(n: int) -> Generator[int, None, None]:
    while n:
        yield n
        n -= 1


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack()
s.push(1)
print(list(countdown(3)), s.items)
bill: Dict[str, float] = {"apple": 3.14}
print(bill)
print(list[int], dict[str, list[int]], tuple[int, ...], type[int], set[str] == set[str])
print(list[int]("ab"), list[int].__origin__, dict[str, int].__args__, list.__class_getitem__(int))


class Box:
    def __class_getitem__(cls, item):
        return f"Box of {item.__name__}"


print(Box[int])
for bad in (lambda: int[str], lambda: Box.missing):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)


def typed(xs: list[int], m: dict[str, tuple[int, ...]] | None = None) -> list[str]:
    return [str(x) for x in xs]


print(typed([1, 2]))
