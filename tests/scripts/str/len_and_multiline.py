s = """a
bc
"""
print(len(s), len(""), len("\n"), len("日本"))
print(s.count("\n"))
