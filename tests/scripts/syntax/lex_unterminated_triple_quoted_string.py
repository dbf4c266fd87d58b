# A docstring that never ends: the error names where it began.
def f():
    """Start of a docstring
    that goes on
    return 1
