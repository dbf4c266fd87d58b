print("key=value=x".partition("="))
print("no sep".partition("="))
print("a.b.c".partition("."))
print("=start".partition("="), "end=".partition("="))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
