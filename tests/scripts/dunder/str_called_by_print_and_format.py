class T:
    def __str__(self):
        print("(__str__ called)")
        return "T!"
    def __repr__(self):
        return "T()"
t = T()
print(t)
s = "%s and %r" % (t, t)
print(s)
print("{} {!r}".format(t, t))
print(str([t]))
