s = "filename.tar.gz"
print(s.startswith("file"), s.startswith("name"), s.endswith(".gz"), s.endswith("tar"))
print(s.startswith(("x", "fi")), s.endswith((".zip", ".gz")))
print(s.startswith(""), "".endswith(""))
print(s.startswith("name", 4), s.endswith("tar", 0, 12))
try:
    s.startswith(["file"])
except TypeError as e:
    print(type(e).__name__, e)
