# Without validate, characters outside the alphabet are skipped and padding may end the data.
import base64
for s in [b'YWJj', b'Y W\nJ j', b'YQ==', b'YQ==YQ==', b'Y!Q==', b'=YQ==', b'YQ=a=', b'YWJj=', b'YQ===']:
    print(s, base64.b64decode(s))
