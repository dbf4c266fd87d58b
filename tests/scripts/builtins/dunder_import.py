# __import__ is the function behind import statements.
m = __import__("math")
print(m.sqrt(16), m is __import__("math"))
for bad in [(1,), ("",)]:
    try:
        __import__(*bad)
    except (TypeError, ValueError, ImportError) as e:
        print(type(e).__name__, e)
try:
    __import__("no_such_module_here")
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
