def f():
    "A docstring is just an expression statement."
    return 1
class C:
    """Class docstring."""
    def m(self):
        """Method doc."""
        return 2
print(f(), C().m())
