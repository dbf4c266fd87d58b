"""importlib for Baton: import_module only; the rest of CPython's import
machinery (finders, loaders, specs, reload) is not here."""


def import_module(name, package=None):
    """Import the module name (relative to package when it starts with dots)
    and return it, not its top-level package as `import a.b` binds."""
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    level = len(name) - len(name.lstrip("."))
    if level and not package:
        raise TypeError("the 'package' argument is required to perform a relative "
                        f"import for {name!r}")
    if level and not isinstance(package, str):
        raise TypeError("__package__ not set to a string")
    # A fromlist naming an attribute every module has makes __import__ return
    # the module itself and import nothing more.
    return __import__(name[level:], {"__package__": package}, None, ["__name__"], level)
