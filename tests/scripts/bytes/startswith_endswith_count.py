b = b"GET /index.html HTTP/1.1"
print(b.startswith(b"GET"), b.startswith(b"POST"), b.endswith(b"1.1"))
print(b.count(b"/"), b.count(b"t"), b.count(b"x"))
print(b.startswith((b"PUT", b"GET")))
