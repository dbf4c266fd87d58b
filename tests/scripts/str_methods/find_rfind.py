s = "abracadabra"
print(s.find("a"), s.rfind("a"), s.find("bra"), s.rfind("bra"))
print(s.find("z"), s.rfind("z"), s.find(""), s.rfind(""))
print(s.find("a", 1), s.find("a", 1, 3), s.rfind("a", 0, 5))
