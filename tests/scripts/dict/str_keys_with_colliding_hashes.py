# Dict lookups by str compare strs without calling __eq__, but a key of
# another type with the same hash must still be asked.
class Same:
    def __init__(self, text):
        self.text = text
    def __hash__(self):
        return hash(self.text)
    def __eq__(self, other):
        print("Same.__eq__ called with", repr(other))
        return other == self.text

d = {Same("spam"): 1}
print("spam" in d, d.get("spam"), d.get("eggs", "absent"))
d["spam"] = 2
print(len(d), list(d.values()))
k = "".join(["ab", "c"])
e = {"abc": 1, "abd": 2}
print(e[k], k in e, e.get("ab" + "d"), e.get("abe"))
e[k] = 10
print(e, len(e))
words = {}
for i in range(3000):
    key = "w" + str(i % 500)
    words[key] = words.get(key, 0) + 1
print(len(words), words["w0"], words["w499"], "w500" in words)
