# Annotations of names in a module or class body land in __annotations__;
# in a function body they are not even evaluated.
count: int = 0
label: str
print(__annotations__)


class Point:
    x: int = 0
    y: "float"
    if True:
        z: list[int] = []
    items = [1]
    items[0]: int = 5
    print(__annotations__)


print(Point.__annotations__, Point.x, hasattr(Point, "y"), Point.items)


def body():
    local: undefined_name = 1
    return local


print(body(), "__annotations__" in Point.__dict__)


class Plain:
    pass


print("__annotations__" in Plain.__dict__)
