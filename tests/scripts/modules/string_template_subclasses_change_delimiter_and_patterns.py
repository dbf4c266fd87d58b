# A Template subclass may set delimiter, idpattern, braceidpattern, flags or pattern.
from string import Template


class Percent(Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Percent("%a %% %{b} %AB %1 $a").safe_substitute(a=1, b=2, AB=3))
print(Percent("%a %b").get_identifiers())


class Spaced(Template):
    braceidpattern = r"[^}]+"


print(Spaced("${a b} $a").substitute({"a b": 1, "a": 2}))


class CaseSensitive(Template):
    flags = 0


print(CaseSensitive("$ABC $abc").safe_substitute(ABC=1, abc=2))


class At(Template):
    pattern = r"""@(?:(?P<escaped>@) | (?P<named>\w+) | \[(?P<braced>\w+)\] | (?P<invalid>))"""


print(At("@a @[b] @@ $a").substitute(a=1, b=2))
try:
    At("x @ y").substitute()
except ValueError as e:
    print("ValueError:", e)
