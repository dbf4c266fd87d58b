for ch in "añb":
    print(ch, ord(ch))
print(list("abc"), tuple("xy"))
print(sorted("banana"))
print("".join(reversed("stressed")))
