print(list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)), list())
print(tuple([1, 2]), tuple("ab"), tuple(), tuple(range(2)))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(), dict({"k": 1}, z=3))
