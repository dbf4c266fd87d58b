for s in ["123", "12a", "", "abc", "abc1", " \t\n", " a ", "é", "٣", "Ab"]:
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace())
