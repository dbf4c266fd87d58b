handled = (KeyError, IndexError)
for exc in [KeyError("k"), IndexError("i"), ValueError("v")]:
    try:
        try:
            raise exc
        except handled as e:
            print("handled", repr(e))
    except Exception as e:
        print("fell through", repr(e))
