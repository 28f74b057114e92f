try:
    raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e)
