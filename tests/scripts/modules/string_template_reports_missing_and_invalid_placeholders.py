# Template.substitute raises KeyError for a missing name and ValueError with the line
# and column of a bad placeholder; safe_substitute leaves both as written.
from string import Template

for text in ["$who is here", "${who} is here"]:
    try:
        Template(text).substitute({})
    except KeyError as e:
        print("KeyError:", repr(e))
for text in ["abc $", "ab\ncd $1", "$ {x}", "x ${a", "${}", "\n\n  $!", "a\r\nb\x0c$"]:
    t = Template(text)
    try:
        t.substitute(a=1)
    except ValueError as e:
        print("ValueError:", e)
    print(repr(t.safe_substitute(a=1)), t.is_valid(), t.get_identifiers())
try:
    Template("$a").substitute({}, {}, a=1)
except TypeError as e:
    print("TypeError:", e)
