class WithCall:
    def __call__(self):
        return 1
class Without:
    pass
print(callable(len), callable(lambda: 0), callable(WithCall), callable(WithCall()), callable(Without()))
print(callable("str"), callable(str), callable(None), callable([].append))
