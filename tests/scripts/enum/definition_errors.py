# Mistakes CPython refuses: reusing a name, a reserved _sunder_ name, an
# invalid member name, extending an enum that has members, reassigning or
# deleting a member.
from enum import Enum


def attempt(make):
    try:
        make()
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)


def reuse():
    class E(Enum):
        A = 1
        A = 2


def method_clash():
    class E(Enum):
        A = 1

        def A(self):
            pass


def sunder():
    class E(Enum):
        _weird_ = 1


def mro_name():
    class E(Enum):
        mro = 1


class Color(Enum):
    RED = 1


def extend():
    class More(Color):
        PINK = 2


def reassign():
    Color.RED = 2


def delete():
    del Color.RED


for make in (reuse, method_clash, sunder, mro_name, extend, reassign, delete):
    attempt(make)
Color.extra = "fine"
print(Color.extra, list(Color))
