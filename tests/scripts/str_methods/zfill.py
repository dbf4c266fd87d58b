print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5))
print("12345".zfill(3), "".zfill(3), "-".zfill(3))
