s = "hello world"
print("lo w" in s, "xyz" in s, "" in s, "" in "")
print("H" not in s)
try:
    1 in s
except TypeError as e:
    print(type(e).__name__, e)
