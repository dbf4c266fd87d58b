# textwrap.wrap and fill break prose at whitespace into lines of at most width.
import textwrap

text = ("The quick brown fox jumps over the lazy dog.  It was the best of times, it was "
        "the worst of times;\tit was the age of wisdom,\nit was the age of foolishness.")
for width in (10, 25, 40, 70, 200):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30))
print(textwrap.fill(text))
print(textwrap.wrap(""), textwrap.wrap("   "), textwrap.wrap("  leading and trailing  ", 10))
print(textwrap.wrap("tabs\there\tand\tthere", 12, expand_tabs=False))
print(textwrap.wrap("tabs\there", 40, tabsize=4, replace_whitespace=False))
print(textwrap.wrap("keep\nnewlines\n\nhere", 40, replace_whitespace=False))
print(textwrap.wrap("keep   spaces   between words", 9, drop_whitespace=False))
print(textwrap.wrap("End. Next one! Really? Yes.  Mr. Smith said \"hi.\" ok", 80,
                    fix_sentence_endings=True))
for width in (0, -3):
    try:
        textwrap.wrap("some text", width)
    except ValueError as e:
        print("ValueError:", e)
