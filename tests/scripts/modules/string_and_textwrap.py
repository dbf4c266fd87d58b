# string constants and capwords; textwrap.dedent and indent.
import string
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello  world"))
import textwrap
print(repr(textwrap.dedent("    a\n      b\n\n    c\n")), repr(textwrap.indent("a\nb", "> ")))
