print(type(1), type(1.0), type("a"), type([]), type(()), type({}), type(None), type(True))
print(type(1) is int, type("a") == str, type(1).__name__, type([]).__name__)
print(type({1}), type(range(3)))
def f():
    pass
print(type(f).__name__)
