class F:
    def __set_name__(self, o, n):
        raise ValueError("no")
class B:
    d = F()
