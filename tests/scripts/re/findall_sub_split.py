# findall, finditer, sub (templates and functions), subn and split,
# including the rules for empty matches.
import re

print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\d+)-(\d+)", "1-2 33-44 x-5"))
print(re.findall(r"a+?", "aaa"), re.findall(r"(a)?b", "b ab"), re.findall("", "ab"))
print([m.span() for m in re.finditer(r"\w*", "ab c")])
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"(?P<n>\d)", r"<\g<n>>", "a1b2"), re.sub("x*", "-", "abxd"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c9"), re.subn("a", "b", "aaa", count=2))
print(re.split(r",\s*", "a, b,c ,  d"), re.split(r"(,)", "a,b,c"), re.split(",", "a,b,c", maxsplit=1))
print(re.split(r"\b", "a b"), re.escape("a.b c-d_e*"))
