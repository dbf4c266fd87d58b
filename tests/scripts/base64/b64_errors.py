# Errors as CPython: binascii.Error (a ValueError) for bad data, TypeError/ValueError for bad input.
import base64, binascii
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__)
def show(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)
for s in [b'YQ', b'YQ=', b'Y', b'abcde', b'abcdefghi']:
    show(base64.b64decode, s)
for s in [b'=YQ==', b'YQ==YQ==', b'Y!Q==', b'YQ=a=', b'YWJj']:
    show(base64.b64decode, s, validate=True)
show(base64.b64decode, 'caf\u00e9')
show(base64.b64decode, 42)
show(base64.b64decode, None)
show(base64.b64encode, 'text')
show(base64.b64encode, 42)
show(base64.b16decode, b'0g')
show(base64.b16decode, b'ABC')
show(base64.b16decode, b'ab')
show(base64.encodebytes, 'text')
show(binascii.unhexlify, b'zz')
try:
    base64.b64encode(b'a', altchars=b'x')
except AssertionError as e:
    print('AssertionError', e)
