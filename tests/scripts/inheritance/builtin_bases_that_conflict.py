# Two bases with different built-in layouts cannot be combined.
class Plain:
    pass


def attempt(make):
    try:
        cls = make()
        print("made", cls.__name__)
    except TypeError as e:
        print(make.__name__, "->", e)


def list_and_dict():
    class Mixed(list, dict):
        pass
    return Mixed


def plain_list_dict():
    class Mixed(Plain, list, dict):
        pass
    return Mixed


def exception_and_list():
    class Mixed(Exception, list):
        pass
    return Mixed


def dict_plain_valueerror():
    class Mixed(dict, Plain, ValueError):
        pass
    return Mixed


def plain_then_valueerror():
    class Mixed(Plain, ValueError):
        pass
    return Mixed


for make in [list_and_dict, plain_list_dict, exception_and_list, dict_plain_valueerror,
             plain_then_valueerror]:
    attempt(make)
