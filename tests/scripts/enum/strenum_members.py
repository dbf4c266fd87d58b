# StrEnum members are strs: auto() gives the lower-cased name, str() and
# format() are the string's.
from enum import StrEnum, auto


class Method(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "x-custom"


print(repr(Method.GET), str(Method.GET), f"[{Method.POST:>6}]", Method.CUSTOM.upper())
print(Method.GET == "get", Method("post"), list(Method), "-".join(Method))
