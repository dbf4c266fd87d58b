# re.match/search/fullmatch and the Match object: groups, named groups,
# spans, lastindex, backreferences, and the repr.
import re

m = re.match(r"(?P<key>\w+)=(?P<val>\d+)?", "width=100;")
print(m, m.group(), m.group("key"), m["val"], m.group(1, 2))
print(m.groups(), m.groupdict(), m.span(2), m.start("val"), m.end(), m.lastindex, m.lastgroup)
print(re.match(r"(\w+)=(\d+)?", "depth=").groups("none"))
print(re.search(r"\d+", "abc 123 456"), re.search(r"z", "abc"), re.match(r"b", "abc"))
print(re.fullmatch(r"\d{3}-\d{4}", "555-1234"), re.fullmatch(r"\d{3}", "1234"))
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups(), re.match(r"(\w)\1", "xxy"))
print(re.match(r"(?P<q>['\"]).*?(?P=q)", "'hi' there'").group())
p = re.compile(r"[A-Z][a-z]+")
print(p, p.pattern, p.groups, p.match("Hello world").span(), p.search("say Hello", 2))
