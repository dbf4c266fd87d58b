print(",".join(["a", "b", "c"]))
print("".join([]), "-".join(["x"]), " ".join("abc"))
print("/".join(("p", "q")), ", ".join(str(i) for i in range(4)))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join(5)
except TypeError as e:
    print(type(e).__name__, e)
