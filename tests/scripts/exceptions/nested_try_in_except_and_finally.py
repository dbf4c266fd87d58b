def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e:
            print("inner caught", e)
        print("still in outer handler")
    finally:
        print("outer finally")
f()
