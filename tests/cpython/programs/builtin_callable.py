def f():
    pass
print(callable(f), callable(print), callable(1), callable("a"), callable(int), callable(None))
