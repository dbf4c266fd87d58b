try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print(type(e).__name__, e, isinstance(e, ImportError))
try:
    from no_such_module_xyz import thing
except ImportError as e:
    print(type(e).__name__, e)
