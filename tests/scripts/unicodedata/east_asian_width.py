# east_asian_width: F(ull), H(alf), W(ide), Na(rrow), A(mbiguous), N(eutral), per code point.
import unicodedata
for ch in ['A', '\uff21', '\uff7b', '\u6d4b', '\U0001f955', '\u3002', '\xb0', '\n', '\u00e9',
           '\uac00', '\u0300', '\U000e0001', '\U0010ffff', '\u3000', '\u20a9']:
    print(hex(ord(ch)), unicodedata.east_asian_width(ch))
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
print(width('abc'), width('\u6d4b\u8bd5ab'), width('\uff21\uff22'))
print(unicodedata.unidata_version)
