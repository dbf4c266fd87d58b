try:
    try:
        print("try ok")
    except ZeroDivisionError:
        print("not this one")
    else:
        1 / 0
except ZeroDivisionError as e:
    print("outer caught from else:", e)
