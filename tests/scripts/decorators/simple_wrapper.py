def shout(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__)
        result = fn(*args, **kwargs)
        print("returned", result)
        return result
    return wrapper
@shout
def add(a, b=0):
    return a + b
print(add(1, b=2))
print(add.__name__)
