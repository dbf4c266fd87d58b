# Every entry of an except tuple must be an exception class, checked before
# any entry matches.
def attempt(catch):
    try:
        try:
            raise KeyError("k")
        except catch:
            print("caught by", catch)
    except TypeError as e:
        print("TypeError", e)
    except KeyError:
        print("KeyError escaped")


attempt((KeyError, 1))
attempt((ValueError, "x"))
attempt((KeyError, (ValueError,)))
attempt((KeyError, ValueError))
attempt(())
attempt(int)
