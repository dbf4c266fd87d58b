print(list((1, 2)), tuple([1, 2]), set([1, 1]), dict([(1, 2)]), str(1.0), bool("x"))
print(int("7"), float("7"), int(7.9), int(-0.5), float(7))
print(bool(), int(), float(), str(), list(), tuple(), dict(), set())
print(type(5)(6), type("s")(12), type([])("ab"))
