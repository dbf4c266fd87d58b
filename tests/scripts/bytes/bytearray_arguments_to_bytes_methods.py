# A bytearray serves wherever bytes methods take a bytes-like argument, and
# str(bytearray, encoding) decodes it.
ba = bytearray(b"23")
empty = bytearray()
print(ba in b"1234", bytearray(b"9") in b"1234", empty in b"x")
print(b"a-b-c".split(bytearray(b"-")), b"a-b-c".rsplit(bytearray(b"-"), 1))
print(b"a-b".replace(bytearray(b"-"), bytearray(b"+")), b"abc".replace(empty, b"."))
print(b"xxhixx".strip(bytearray(b"x")), b"xxhi".lstrip(bytearray(b"x")), b"hixx".rstrip(bytearray(b"x")))
print(b"k=v".partition(bytearray(b"=")), b"k=v=w".rpartition(bytearray(b"=")))
table = bytes.maketrans(bytearray(b"ab"), bytearray(b"xy"))
print(b"aabbc".translate(table), b"aabbc".translate(None, bytearray(b"b")))
print(str(bytearray(b"caf\xc3\xa9"), "utf-8"), str(bytearray(), "ascii") == "")
print(b",".join([b"a", bytearray(b"b")]))
try:
    b"abc".split(bytearray())
except ValueError as e:
    print("ValueError", e)
try:
    print(3.5 in b"abc")
except TypeError as e:
    print("TypeError", e)
print(b"1234".find(bytearray(b"34")), b"1234".count(bytearray(b"2")), b"1234".index(bytearray(b"1")),
      b"1234".startswith(b"12"), b"abab".rfind(bytearray(b"ab")))
