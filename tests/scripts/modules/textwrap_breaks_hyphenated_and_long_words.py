# Long words break at the width (or after a hyphen); hyphenated words and em-dashes
# split unless break_on_hyphens or break_long_words is off.
import textwrap

text = "a well-known state-of-the-art self-contained system--like this one--works fine"
for width in (6, 10, 15, 22):
    print(width, textwrap.wrap(text, width))
    print(width, textwrap.wrap(text, width, break_on_hyphens=False))
long = "Supercalifragilisticexpialidocious and pneumonoultramicroscopicsilicovolcanoconiosis"
print(textwrap.wrap(long, 12))
print(textwrap.wrap(long, 12, break_long_words=False))
print(textwrap.wrap("x-ray re-do 12-34 a-b-c e-mail ---- --x word--", 5))
print(textwrap.wrap("co-operation-is-good-for-everyone", 10))
print(textwrap.wrap("----------hyphens", 8))
w = textwrap.TextWrapper(width=8)
print(w._split("state-of-the-art--done"), w.wrap("state-of-the-art--done"))
