class HttpError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return "HTTP %d: %s" % self.args
try:
    raise HttpError(404, "not found")
except HttpError as e:
    print(e, e.code, e.args, repr(e))
class Plain(Exception):
    pass
print(repr(Plain()), repr(Plain("a", 1)), str(Plain("only")))
