class Weird:
    def __lt__(self, other):
        return "truthy string"
    def __eq__(self, other):
        return 0
w = Weird()
print(w < 1, w == w, w != w)
if w < 1:
    print("non-bool result used as condition")
print([w] == [w], w in [w])
