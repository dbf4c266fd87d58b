print("banana".count("a"), "banana".count("an"), "banana".count("x"))
print("aaaa".count("aa"), "abc".count(""), "".count(""))
print("banana".count("a", 2), "banana".count("a", 2, 4))
