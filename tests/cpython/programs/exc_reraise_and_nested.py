def g():
    try:
        raise KeyError("k")
    except KeyError:
        print("inner")
        raise
try:
    g()
except LookupError as e:
    print("outer", repr(e))
try:
    try:
        raise ValueError("a")
    finally:
        print("cleanup")
except ValueError as e:
    print("got", e)
try:
    raise RuntimeError
except RuntimeError as e:
    print(repr(e), str(e) == "", e.args)
