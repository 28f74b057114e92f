g = (i for i in [1])
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", repr(e))
print(type(g).__name__, iter(g) is g)
