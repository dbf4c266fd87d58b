class Version:
    def __init__(self, s):
        self.parts = [int(p) for p in s.split(".")]
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return ".".join(str(p) for p in self.parts)
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") < Version("2.0"), Version("3") > Version("2"))
