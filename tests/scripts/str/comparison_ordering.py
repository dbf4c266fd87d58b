print("apple" < "banana", "a" < "B", "abc" < "abd", "ab" < "abc")
print("" < "a", "Z" < "a", "é" > "z")
print(sorted(["pear", "Apple", "banana", "apple"]))
print("abc" == "abc", "abc" != "abd")
try:
    "a" < 1
except TypeError as e:
    print(type(e).__name__, e)
