try:
    try:
        {}["k"]
    except KeyError:
        raise ValueError("while handling")
except ValueError as e:
    print(type(e).__name__, e)
try:
    try:
        raise RuntimeError("inner")
    except RuntimeError:
        raise
except RuntimeError as e:
    print("re-raised", e)
