name = "open_binary.tmp"
data = bytes(range(0, 256, 51)) + "é".encode()
with open(name, "wb") as f:
    print(f.write(data))
with open(name, "rb") as f:
    back = f.read()
print(back, back == data, type(back).__name__)
with open(name, "rb") as f:
    print(f.read(2), f.read(1), f.read())
with open(name, "w") as f:
    f.write("é\n")
with open(name, "rb") as f:
    print(f.read())
