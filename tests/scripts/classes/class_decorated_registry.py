registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class A:
    pass
@register
class B(A):
    pass
print(registry, B.__name__, isinstance(B(), A))
