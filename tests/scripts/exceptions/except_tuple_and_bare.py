for exc in [ValueError("v"), KeyError("k"), TypeError("t"), SystemExit(3)]:
    try:
        raise exc
    except (ValueError, KeyError) as e:
        print("tuple caught", type(e).__name__)
    except TypeError:
        print("TypeError clause")
    except:
        print("bare except caught", type(exc).__name__)
