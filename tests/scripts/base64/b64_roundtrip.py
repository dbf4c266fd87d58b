# b64encode/b64decode over every remainder length, str input, bytearray and memoryview.
import base64
for data in [b'', b'a', b'ab', b'abc', b'abcd', bytes(range(256)), 'h\u00e9llo \u6d4b\u8bd5'.encode()]:
    enc = base64.b64encode(data)
    print(len(data), enc[:24], base64.b64decode(enc) == data, base64.b64decode(enc.decode()) == data)
print(base64.b64encode(bytearray(b'xyz')), base64.b64encode(memoryview(b'xyz')))
print(base64.b64decode(bytearray(b'eHl6')), base64.standard_b64decode('eHl6'))
print(base64.standard_b64encode(b'\xfb\xff\xfe'))
print(base64.b64encode(b'\xfb\xff\xfe', altchars=b'*.'), base64.b64decode(b'*.**', altchars=b'*.'))
