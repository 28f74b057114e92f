import sys
try:
    sys.exit(2)
except Exception:
    print("not here")
except BaseException as e:
    print("base", type(e).__name__)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print(repr(e))
