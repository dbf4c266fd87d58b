# dataclasses: __init__, __repr__, __eq__, order, frozen, defaults and factories.
from dataclasses import FrozenInstanceError, asdict, astuple, dataclass, field, fields, replace


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1)
print(p, Point(2, 3), Point(x=4, y=5), p == Point(1, 0), p != Point(1, 1), p.__match_args__)
print(asdict(p), astuple(Point(7, 8)), [f.name for f in fields(Point)], replace(p, y=9))


@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    tags: list = field(default_factory=list, compare=False, repr=False)


v = Version(1, 2)
print(v, sorted([Version(2), Version(1, 5), v]), v < Version(1, 3), hash(v) == hash(Version(1, 2)))
try:
    v.major = 3
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass
class Task:
    name: str
    steps: list = field(default_factory=list)
    done: bool = field(default=False, init=False)

    def __post_init__(self):
        self.steps.append("created")


a, b = Task("a"), Task("b", ["given"])
print(a, b, a.steps is not Task("c").steps)


@dataclass
class Line:
    start: Point
    end: Point


print(asdict(Line(Point(0, 0), Point(1, 1))), astuple(Line(Point(0, 0), Point(1, 1))))


class Derived(Point):
    label: str = "d"


print(Derived(1, 2), Derived(3).label)
for bad in (lambda: Point(), lambda: Point(1, 2, 3), lambda: Point(1, z=2)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Shared:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
print(Point.__eq__ is not object.__eq__, Point.__hash__, hash(v) is not None)
