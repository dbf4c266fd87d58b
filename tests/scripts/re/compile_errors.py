# Bad patterns raise re.error with CPython's message and position.
import re

for bad in ["(", "a)", "[a", "*a", "a**", r"\q", "a{3,1}", "{2}", "(?P<1>a)", r"(a)\2"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, "| pos", e.pos)
print(issubclass(re.error, Exception), re.match("a", "a") is not None)
