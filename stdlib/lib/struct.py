"""struct: values packed into bytes as C lays them out, and unpacked again.

What network code reaches for: a header of fixed-size fields, sent with
sendall and read back with recv. A format string names the fields ("<HI4s":
a little-endian unsigned short, an unsigned int, four bytes); pack() lays
them out, unpack() reads them back. CPython's rules throughout: the first
character picks byte order, sizes and alignment ('@' native with C alignment,
'=' native order with standard sizes, '<' little-endian, '>' and '!'
big-endian), and errors are struct.error with CPython's words.

Ints go through int.to_bytes/from_bytes; floats are split into sign,
exponent and mantissa with math.frexp and rounded half to even, so 'e'
(half), 'f' (single) and 'd' (double) come out bit for bit as C's.
"""
import math
import sys


class error(Exception):
    pass


# code: (size, signed) for the integer codes; sizes in standard mode.
_STANDARD_SIZE = {'x': 1, 'c': 1, 'b': 1, 'B': 1, '?': 1, 'h': 2, 'H': 2, 'i': 4, 'I': 4,
                  'l': 4, 'L': 4, 'q': 8, 'Q': 8, 'e': 2, 'f': 4, 'd': 8, 's': 1, 'p': 1}
_NATIVE_SIZE = dict(_STANDARD_SIZE, l=8, L=8, n=8, N=8, P=8)
_INT_CODES = 'bBhHiIlLqQnNP'
_SIGNED = 'bhilqn'
# CPython names the small codes in its range errors.
_RANGE_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}
# (mantissa bits, exponent bits) of the float codes.
_FLOAT_LAYOUT = {'e': (10, 5), 'f': (23, 8), 'd': (52, 11)}


class _Format:
    """A parsed format: its fields as (code, count, offset), its size and byte order."""

    def __init__(self, fmt):
        if isinstance(fmt, (bytes, bytearray)):
            fmt = bytes(fmt).decode('ascii')
        if not isinstance(fmt, str):
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(fmt).__name__)
        self.text = fmt
        order = fmt[:1]
        if order in ('@', '=', '<', '>', '!'):
            fmt = fmt[1:]
        else:
            order = '@'
        self.native = order == '@'
        self.little = order in ('<',) or (order in ('@', '=') and sys.byteorder == 'little')
        sizes = _NATIVE_SIZE if self.native else _STANDARD_SIZE
        self.fields = []
        self.nitems = 0
        offset = 0
        i = 0
        while i < len(fmt):
            c = fmt[i]
            if c.isspace():
                i += 1
                continue
            count = None
            while c.isdigit():
                count = (count or 0) * 10 + int(c)
                i += 1
                if i == len(fmt):
                    raise error("repeat count given without format specifier")
                c = fmt[i]
            if count is None:
                count = 1
            if c not in sizes:
                raise error("bad char in struct format")
            size = sizes[c]
            if self.native and c not in 'spx':
                offset = (offset + size - 1) // size * size  # C alignment
            if c in 'sp':
                self.fields.append((c, count, offset))
                offset += count
                self.nitems += 1
            elif c == 'x':
                offset += count
            else:
                for _ in range(count):
                    self.fields.append((c, 1, offset))
                    offset += size
                self.nitems += count
            i += 1
        self.size = offset

    # ---- packing ----

    def pack_into(self, buf, start, values):
        order = 'little' if self.little else 'big'
        for (code, count, offset), v in zip(self.fields, values):
            at = start + offset
            if code == 's' or code == 'p':
                if not isinstance(v, (bytes, bytearray)):
                    raise error("argument for '%s' must be a bytes object" % code)
                if code == 'p':
                    n = min(len(v), count - 1, 255) if count else 0
                    if count:
                        buf[at] = n
                        buf[at + 1:at + 1 + n] = v[:n]
                else:
                    n = min(len(v), count)
                    buf[at:at + n] = v[:n]
            elif code == 'c':
                if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                    raise error("char format requires a bytes object of length 1")
                buf[at] = v[0]
            elif code == '?':
                buf[at] = 1 if v else 0
            elif code in _FLOAT_LAYOUT:
                size = _NATIVE_SIZE[code]
                buf[at:at + size] = _float_bits(code, _float_arg(v), self.native).to_bytes(size, order)
            else:
                size = (_NATIVE_SIZE if self.native else _STANDARD_SIZE)[code]
                buf[at:at + size] = _int_arg(code, v, size).to_bytes(size, order, signed=code in _SIGNED)

    # ---- unpacking ----

    def unpack_from(self, data, start):
        order = 'little' if self.little else 'big'
        out = []
        for code, count, offset in self.fields:
            at = start + offset
            if code == 's':
                out.append(bytes(data[at:at + count]))
            elif code == 'p':
                n = min(data[at], count - 1) if count else 0
                out.append(bytes(data[at + 1:at + 1 + n]))
            elif code == 'c':
                out.append(bytes(data[at:at + 1]))
            elif code == '?':
                out.append(data[at] != 0)
            elif code in _FLOAT_LAYOUT:
                size = _NATIVE_SIZE[code]
                out.append(_float_from_bits(code, int.from_bytes(data[at:at + size], order)))
            else:
                size = (_NATIVE_SIZE if self.native else _STANDARD_SIZE)[code]
                out.append(int.from_bytes(data[at:at + size], order, signed=code in _SIGNED))
        return tuple(out)


def _int_arg(code, v, size):
    """v as an int for an integer code, range-checked with CPython's messages."""
    if not isinstance(v, int):
        index = getattr(type(v), '__index__', None)
        if index is None:
            raise error("required argument is not an integer")
        v = index(v)
    # CPython first converts to a C long (unsigned long for the wide unsigned
    # codes); what does not fit there is "argument out of range".
    if code in 'ILQNP':
        if v < 0 or v >= 2 ** 64:
            raise error("argument out of range")
    elif not -2 ** 63 <= v < 2 ** 63:
        raise error("argument out of range")
    if size == 8:
        return v
    bits = 8 * size
    if code in _SIGNED:
        lo, hi = -2 ** (bits - 1), 2 ** (bits - 1) - 1
    else:
        lo, hi = 0, 2 ** bits - 1
    if not lo <= v <= hi:
        name = _RANGE_NAMES.get(code, "'%s'" % code)
        raise error("%s format requires %d <= number <= %d" % (name, lo, hi))
    return v


def _float_arg(v):
    if isinstance(v, float):
        return v
    if isinstance(v, int) or hasattr(type(v), '__float__') or hasattr(type(v), '__index__'):
        return float(v)
    raise error("required argument is not a float")


def _float_bits(code, x, native):
    """The IEEE 754 bits of x in the code's width, rounded half to even."""
    mbits, ebits = _FLOAT_LAYOUT[code]
    sign = 1 if math.copysign(1.0, x) < 0 else 0
    top = sign << (mbits + ebits)
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    if x != x:
        return top | (emax << mbits) | (1 << (mbits - 1))
    x = abs(x)
    if x == math.inf:
        return top | (emax << mbits)
    if x == 0:
        return top
    m, e = math.frexp(x)  # x = m * 2**e, 0.5 <= m < 1
    biased = e - 1 + bias
    if biased <= 0:
        # Subnormal: the mantissa counts units of 2**(1 - bias - mbits); a
        # carry into the exponent field is the smallest normal number.
        return top | round(math.ldexp(x, mbits + bias - 1))
    frac = round(math.ldexp(2 * m - 1, mbits))
    if frac == 1 << mbits:
        frac = 0
        biased += 1
    if biased >= emax:
        if code == 'f' and native:
            return top | (emax << mbits)  # C's cast to float gives an infinity
        raise OverflowError("float too large to pack with %s format" % code)
    return top | (biased << mbits) | frac


def _float_from_bits(code, bits):
    mbits, ebits = _FLOAT_LAYOUT[code]
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    sign = -1.0 if bits >> (mbits + ebits) else 1.0
    biased = (bits >> mbits) & emax
    frac = bits & ((1 << mbits) - 1)
    if biased == emax:
        return math.copysign(math.nan, sign) if frac else sign * math.inf
    if biased == 0:
        return sign * math.ldexp(frac, 1 - bias - mbits)
    return sign * math.ldexp(frac | (1 << mbits), biased - bias - mbits)


_cache = {}


def _format(fmt):
    key = (type(fmt), fmt) if isinstance(fmt, (str, bytes)) else None
    f = _cache.get(key) if key else None
    if f is None:
        f = _Format(fmt)
        if key and len(_cache) < 100:
            _cache[key] = f
    return f


def _start(what, buffer, offset, size, verb):
    """The checked start of a pack_into/unpack_from at offset (negative: from the end)."""
    n = len(buffer)
    if offset < 0:
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < size:
        raise error("%s requires a buffer of at least %d bytes for %s %d bytes at offset %d "
                    "(actual buffer size is %d)" % (what, size + offset, verb, size, offset, n))
    return offset


class Struct:
    """A compiled format: pack and unpack without parsing it again."""

    def __init__(self, format):
        self._f = _Format(format)
        self.format = self._f.text
        self.size = self._f.size

    def __repr__(self):
        return '<_struct.Struct object at 0x%x>' % id(self)

    def pack(self, *values):
        if len(values) != self._f.nitems:
            raise error("pack expected %d items for packing (got %d)"
                        % (self._f.nitems, len(values)))
        buf = bytearray(self.size)
        self._f.pack_into(buf, 0, values)
        return bytes(buf)

    def pack_into(self, buffer, offset, *values):
        if len(values) != self._f.nitems:
            raise error("pack_into expected %d items for packing (got %d)"
                        % (self._f.nitems, len(values)))
        start = _start('pack_into', buffer, offset, self.size, 'packing')
        self._f.pack_into(buffer, start, values)

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error("unpack requires a buffer of %d bytes" % self.size)
        return self._f.unpack_from(buffer, 0)

    def unpack_from(self, buffer, offset=0):
        start = _start('unpack_from', buffer, offset, self.size, 'unpacking')
        return self._f.unpack_from(buffer, start)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(buffer) % self.size:
            raise error("iterative unpacking requires a buffer of a multiple of %d bytes"
                        % self.size)
        return (self._f.unpack_from(buffer, i) for i in range(0, len(buffer), self.size))


def calcsize(format):
    return _format(format).size


def pack(format, *values):
    f = _format(format)
    if len(values) != f.nitems:
        raise error("pack expected %d items for packing (got %d)" % (f.nitems, len(values)))
    buf = bytearray(f.size)
    f.pack_into(buf, 0, values)
    return bytes(buf)


def pack_into(format, buffer, offset, *values):
    s = Struct(format)
    s.pack_into(buffer, offset, *values)


def unpack(format, buffer):
    f = _format(format)
    if len(buffer) != f.size:
        raise error("unpack requires a buffer of %d bytes" % f.size)
    return f.unpack_from(buffer, 0)


def unpack_from(format, buffer, offset=0):
    return Struct(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer):
    return Struct(format).iter_unpack(buffer)
