import sys
for exc in [KeyboardInterrupt(), SystemExit(2), GeneratorExit()]:
    try:
        raise exc
    except Exception:
        print("Exception caught", type(exc).__name__)
    except BaseException as e:
        print("BaseException caught", type(e).__name__, isinstance(e, Exception))
try:
    sys.exit(5)
except SystemExit as e:
    print("exit code", e.code, e.args)
