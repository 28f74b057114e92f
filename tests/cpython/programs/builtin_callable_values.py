def f():
    pass
print(callable(f), callable(len), callable(int), callable(1), callable("f"), callable([].append), callable(None))
