print("one\ntwo\r\nthree\rfour".splitlines())
print("trailing\n".splitlines(), "".splitlines(), "\n\n".splitlines())
print("a\nb\n".splitlines(True))
print("no newline".splitlines())
