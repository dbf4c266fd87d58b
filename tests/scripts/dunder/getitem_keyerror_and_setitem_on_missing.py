class Config:
    def __init__(self):
        self.data = {"a": 1}
    def __getitem__(self, key):
        return self.data[key]
c = Config()
print(c["a"])
try:
    c["b"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    c["a"] = 2
except TypeError as e:
    print(type(e).__name__, e)
try:
    del c["a"]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
