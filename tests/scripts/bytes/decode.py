b = "héllo €".encode()
print(b)
print(b.decode(), b.decode("utf-8"))
print(b"abc".decode())
try:
    b"\xff\xfe".decode()
except ValueError:
    print("invalid utf-8 raises a ValueError")
