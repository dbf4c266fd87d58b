# The argument must be a str of exactly one character; no keywords.
import unicodedata
def show(f, *a, **k):
    try:
        print(f(*a, **k))
    except TypeError as e:
        print('TypeError', e)
for f in (unicodedata.category, unicodedata.east_asian_width):
    show(f)
    show(f, 'a', 'b')
    show(f, 'ab')
    show(f, '')
    show(f, b'a')
    show(f, 97)
    show(f, chr=97)
unicodedata.east_asian_width(None)
