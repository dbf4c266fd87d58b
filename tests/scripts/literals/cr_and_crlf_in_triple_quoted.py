# CR and CRLF typed inside string literals read as LF (universal newlines).
s = """a
bc"""
print(repr(s), len(s))
print(repr(r"""x
y\
z"""), repr(b"""1
2"""), repr(f"""{1}
{2}"""))
print(repr("""\
q"""), repr("escaped \r\n stays"))
