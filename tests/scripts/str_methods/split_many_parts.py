# split() with one- and many-character separators, including more parts than
# Baton keeps in its small inline array, maxsplit, and rsplit.
s = "-".join(str(i) for i in range(50))
parts = s.split("-")
print(len(parts), parts[:3], parts[-3:])
print(s.split("-", 3)[:4], len(s.rsplit("-", 40)))
print("a--b---c".split("-"), "a--b---c".split("--"), "--".split("-"))
print("x".split("-"), "".split("-"), "abc".split("abc"))
w = " ".join("w" + str(i) for i in range(40))
print(len(w.split()), w.split()[-1], len(w.rsplit(None, 35)))
print("héllo-wörld-ünï".split("-"), "αβγ".split("β"))
lines = "\n".join(str(i) for i in range(45))
print(len(lines.splitlines()), lines.splitlines()[44])
