# TextWrapper's indents, max_lines with its placeholder, and textwrap.shorten.
import textwrap

text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor."
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="    "))
print(textwrap.wrap(text, 20, initial_indent="1. ", subsequent_indent="   "))
for lines in (1, 2, 3, 10):
    print(lines, textwrap.wrap(text, 20, max_lines=lines))
print(textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
print(textwrap.wrap(text, 12, max_lines=2, placeholder=" (more)"))
print(textwrap.wrap("aaaaaaaaaa bbbbbbbbbb cc", 10, max_lines=2, placeholder=" [...]"))
print(textwrap.shorten(text, 40))
print(textwrap.shorten("Hello  world!", width=12), textwrap.shorten("Hello  world!", width=11))
print(textwrap.shorten("Hello world", width=10, placeholder="..."))
print(repr(textwrap.shorten("   ", 10)), textwrap.shorten("short", 80))
for width, kwargs in ((5, {}), (4, {"placeholder": " [more]"})):
    try:
        print(textwrap.shorten(text, width, **kwargs))
    except ValueError as e:
        print("ValueError:", e)
w = textwrap.TextWrapper(width=15, max_lines=2)
w.width = 25
w.placeholder = " ~"
print(w.wrap(text), w.fill("two words"))
