"""binascii: the base64 and hex converters under base64 (Baton's own, in Python).

Only what base64.py needs: a2b_base64, b2a_base64, hexlify/unhexlify (with
their b2a_hex/a2b_hex names) and Error. The decoder is CPython's state machine
described in words: a quad position, padding that may end the data early, and
in strict mode an error for anything that is not plain base64.
"""

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
# byte -> its 6-bit value, or 64 for a byte that is not in the alphabet
_B64_VALUE = [64] * 256
for _i, _c in enumerate(_B64):
    _B64_VALUE[_c] = _i
del _i, _c


class Error(ValueError):
    pass


def _data(data):
    # The argument as bytes: a bytes-like object, as CPython's 'y*' format.
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError("a bytes-like object is required, not '%s'" % type(data).__name__)


def _ascii_data(data, wrong_type="argument should be bytes, buffer or ASCII string, not '%s'"):
    # Decoders take ASCII str as well ('ascii_buffer' in CPython's clinic);
    # base64 shares this with its own wording for a wrong type.
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    if isinstance(data, (bytes, bytearray, memoryview)):
        return bytes(data)
    raise TypeError(wrong_type % type(data).__name__)


def b2a_base64(data, *, newline=True):
    data = _data(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i + 3 <= n:
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63]))
        i += 3
    rest = n - i
    if rest == 1:
        v = data[i] << 16
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63])) + b'=='
    elif rest == 2:
        v = (data[i] << 16) | (data[i + 1] << 8)
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _ascii_data(data)
    if strict_mode and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    out = bytearray()
    quad = 0          # how many characters of the current group of four we have
    left = 0          # the bits of the group not yet written out
    pads = 0          # '=' seen since the last data character
    padding = False   # any '=' seen at all
    n = len(data)
    for i in range(n):
        c = data[i]
        if c == 61:  # '='
            padding = True
            if quad >= 2:
                pads += 1
                if quad + pads >= 4:
                    # Enough padding ends the data; what follows is ignored unless strict.
                    if strict_mode and i + 1 < n:
                        raise Error('Excess data after padding')
                    return bytes(out)
            continue
        v = _B64_VALUE[c]
        if v >= 64:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if strict_mode and padding:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        if quad == 0:
            left = v
            quad = 1
        elif quad == 1:
            out.append(((left << 2) | (v >> 4)) & 255)
            left = v & 0x0f
            quad = 2
        elif quad == 2:
            out.append(((left << 4) | (v >> 2)) & 255)
            left = v & 0x03
            quad = 3
        else:
            out.append(((left << 6) | v) & 255)
            quad = 0
    if quad == 1:
        raise Error('Invalid base64-encoded string: number of data characters (%d) cannot be '
                    '1 more than a multiple of 4' % (len(out) // 3 * 4 + 1))
    if quad:
        raise Error('Incorrect padding')
    return bytes(out)


def hexlify(data):
    return _data(data).hex().encode('ascii')


def unhexlify(hexstr):
    hexstr = _ascii_data(hexstr)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    digits = b'0123456789abcdefABCDEF'
    for c in hexstr:
        if c not in digits:
            raise Error('Non-hexadecimal digit found')
    return bytes.fromhex(hexstr.decode('ascii'))


b2a_hex = hexlify
a2b_hex = unhexlify
