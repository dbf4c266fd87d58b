s = "ÄÖÜ straße"
print(s.lower(), s.upper(), s.find("ß"), s.count("s"), len(s))
print("".join([]) == "", "".split("x"), "".startswith(""), "".find(""), "".replace("", "x"))
print("é".center(5, "*"), "日本".ljust(4, "_"), "日本".zfill(4))
