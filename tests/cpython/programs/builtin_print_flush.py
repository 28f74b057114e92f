print("flushed", flush=True)
print("a", "b", sep=None, end=None)
