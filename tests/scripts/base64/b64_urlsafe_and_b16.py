# urlsafe swaps '+/' for '-_' both ways; b16 is upper-case hex, casefold for lower.
import base64
raw = b'\xfb\xff\xfe\x3e\x3f'
print(base64.b64encode(raw), base64.urlsafe_b64encode(raw))
print(base64.urlsafe_b64decode(base64.urlsafe_b64encode(raw)) == raw)
print(base64.urlsafe_b64decode('-_-_'), base64.urlsafe_b64decode(b'+/+/'))
print(base64.b16encode(b'\x00\xab\xff'), base64.b16decode('00ABFF'), base64.b16decode(b'ab', casefold=True))
print(base64.encodebytes(bytes(range(60))))
print(base64.decodebytes(base64.encodebytes(bytes(range(60)))) == bytes(range(60)))
print(base64.encodebytes(b''), base64.decodebytes(b'YQ==\n'))
