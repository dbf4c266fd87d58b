# Flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, inline (?i)), anchors and
# word boundaries, character classes and lookahead.
import re

print(re.search(r"^b", "a\nb", re.M), re.search(r"^b", "a\nb"), re.search("A.B", "a\nb", re.S | re.I))
print(re.findall(r"\bfoo\b", "foo foobar barfoo foo."), re.sub(r"(?i)HELLO", "bye", "Hello hello"))
print(re.match(r"x(?=y)", "xy"), re.match(r"x(?!y)", "xy"), re.match(r"[^a-c]+", "xyzab"))
print(re.match(r"[\d.]+", "3.14x"), re.findall(r"\s+", "a \t b\n"), re.findall(r"[\w]+", "it's ok_1"))
print(re.findall(r"\d$", "1\n2\n3"), re.findall(r"\d$", "1\n2\n3", re.M), re.search(r"\Aab\Z", "ab"))
verbose = re.compile(r"""
    (\d+)   # digits
    \s*     # space
    ([a-z]+)
""", re.X)
print(verbose.match("12  cm").groups(), repr(re.I), repr(re.I | re.M), re.compile("a", re.I))
print(re.compile("a", re.I).flags, re.match("a{2,3}", "aaaa"), re.match("a{,2}", "aaaa"), re.match("x{", "x{"))
