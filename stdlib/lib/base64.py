"""base64: Base16 and Base64 encodings, RFC 4648 (Baton's own, in Python).

The bit work is in binascii.py; this module checks arguments the way CPython's
does (bytes-like or, for decoders, an ASCII str), and maps the alternative
alphabets (urlsafe's '-_') onto the standard one.
"""
import binascii

__all__ = ['b64encode', 'b64decode', 'standard_b64encode', 'standard_b64decode',
           'urlsafe_b64encode', 'urlsafe_b64decode', 'b16encode', 'b16decode',
           'encodebytes', 'decodebytes']

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    return binascii._ascii_data(
        s, "argument should be a bytes-like object or ASCII string, not '%s'")


def b64encode(s, altchars=None):
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        # CPython asserts here too, so a wrong length is an AssertionError
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    return b64encode(s).translate(_urlsafe_encode)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    return b64decode(s.translate(_urlsafe_decode))


def b16encode(s):
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if c not in b'0123456789ABCDEF':
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


MAXLINESIZE = 76  # characters of output per line
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encodebytes(s):
    s = _memory_bytes(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b''.join(pieces)


def decodebytes(s):
    return binascii.a2b_base64(_memory_bytes(s))


def _memory_bytes(s):
    if isinstance(s, (bytes, bytearray, memoryview)):
        return bytes(s)
    raise TypeError('expected bytes-like object, not %s' % s.__class__.__name__)
