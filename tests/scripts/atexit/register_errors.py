# atexit's argument errors, in CPython's words.
import atexit

for call in (lambda: atexit.register(), lambda: atexit.register(1),
             lambda: atexit.unregister(), lambda: atexit._ncallbacks(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
atexit.register(print, "cleared")
atexit._clear()
print(atexit._ncallbacks(), atexit.unregister(print))
