# category: the two-letter general category; unassigned code points are Cn.
import unicodedata
for ch in ['a', 'Z', '5', ' ', '\n', '_', '-', '(', ')', '+', '$', '^', '\xab', '\xbb', '\xb2',
           '\u01c5', '\u02b0', '\u0300', '\u0903', '\u20dd', '\u2160', '\u2028', '\u2029',
           '\u00ad', '\u4e2d', '\U0001f600', '\ue000', '\u0378', '\U0010ffff', '\u0660']:
    print(hex(ord(ch)), unicodedata.category(ch))
print(sorted({unicodedata.category(chr(c)) for c in range(0x3000)}))
