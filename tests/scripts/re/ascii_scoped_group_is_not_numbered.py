# (?a:...) groups a pattern without a number; only capturing groups count.
import re

m = re.match(r"(?a:[_a-z][_a-z0-9]*)=(\d+)", "name_1=42", re.IGNORECASE)
print(m.group(), m.groups(), m.lastindex)
print(re.findall(r"\$(?a:[a-z]+)", "$ab $CD $x1", re.I))
print(re.sub(r"(?a:x+)(y)", r"<\1>", "xxy xy y"))
