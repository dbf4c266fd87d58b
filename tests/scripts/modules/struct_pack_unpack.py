# struct: every format code in every byte order, alignment, floats bit for bit,
# and CPython's errors.
import struct
for fmt, vals in [('<HI4s', (513, 67305985, b'abcd')), ('>bhiq', (-1, -2, -3, -4)), ('!BHIQ', (255, 65535, 2**32 - 1, 2**64 - 1)),
                  ('@cqc', (b'x', 2**40, b'y')), ('=bi', (1, 2)), ('<?3xi', (True, 7)), ('>5p', (b'abcdefgh',)), ('<3s', (b'a',)),
                  ('<efd', (1.5, 3.25, -0.1)), ('>e', (65504.0,)), ('<f', (1e-45,)), ('<d', (float('inf'),)), ('<lL', (-2**31, 2**32 - 1)),
                  ('@lLnNP', (-5, 5, -6, 6, 7)), ('2h 2h', (1, 2, 3, 4)), (b'<h', (-7,)), ('', ())]:
    data = struct.pack(fmt, *vals)
    print(fmt, struct.calcsize(fmt), data, struct.unpack(fmt, data))
for x in [0.0, -0.0, 1.0, 0.1, 1/3, 5e-324, 1e-40, 6e-8, 6.1e-5, 65519.0, 3.4028235e38, float('nan'), -float('inf'), 2.0**-149, 2.0**-150, 1.5 * 2.0**-149]:
    for code in 'efd':
        try:
            b = struct.pack('<' + code, x)
            print(code, repr(x), b.hex(), struct.unpack('<' + code, b))
        except OverflowError as e:
            print(code, repr(x), 'OverflowError', e)
print(struct.pack('f', 3.5e38), struct.pack('@e', 1e-8))
s = struct.Struct('<hi')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'), list(s.iter_unpack(bytes(range(12)))))
buf = bytearray(10)
struct.pack_into('<hh', buf, 2, -1, 258)
s.pack_into(buf, -6, 9, 10)
print(buf, struct.unpack_from('<h', buf, 2), struct.unpack_from('<h', buf, -2), s.unpack_from(buf, offset=4))
checks = ['struct.pack("b", 200)', 'struct.pack("B", -1)', 'struct.pack("h", 40000)', 'struct.pack("H", -1)', 'struct.pack("i", 2**31)',
          'struct.pack("I", -1)', 'struct.pack("<I", 2**32)', 'struct.pack("l", 2**63)', 'struct.pack("q", 2**63)', 'struct.pack("Q", -1)',
          'struct.pack("<Q", 2**64)', 'struct.pack("<l", 2**31)', 'struct.pack("<b", 2**63)', 'struct.pack("i", 1.5)', 'struct.pack("i")',
          'struct.pack("i", 1, 2)', 'struct.pack("c", b"ab")', 'struct.pack("c", 1)', 'struct.pack("s", 1)', 'struct.unpack("i", b"abc")',
          'struct.unpack_from("i", b"abcde", 3)', 'struct.calcsize("z")', 'struct.pack("f", "x")', 'struct.pack("<f", -3.5e38)',
          'struct.pack("e", 1e10)', 'struct.pack("<n", 1)', 'struct.pack("x", 1)', 'struct.calcsize("3")', 'struct.iter_unpack("<h", b"abc")',
          'struct.pack_into("<h", bytearray(1), 0, 1)', 'struct.unpack_from("<h", b"ab", -3)', 'struct.pack("i", True)', 'struct.pack("?", [])',
          'struct.calcsize("@bi")', 'struct.calcsize("@cq")', 'struct.calcsize("@qc")', 'struct.calcsize("3s2xi")', 'struct.Struct(5)']
for c in checks:
    try:
        print(c, '->', eval(c))
    except Exception as e:
        print(c, '->', type(e).__name__, e)
print(struct.error.__mro__, issubclass(struct.error, Exception))
