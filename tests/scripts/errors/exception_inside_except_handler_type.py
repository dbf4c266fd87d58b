try:
    try:
        raise ValueError("a")
    except ValueError:
        undefined_function()
except NameError as e:
    print(type(e).__name__, e)
    print(type(e.__context__).__name__, e.__context__)
