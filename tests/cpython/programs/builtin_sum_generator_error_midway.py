def g():
    print("a")
    yield 1
    print("b")
    yield "x"
    print("c")
    yield 2
try:
    sum(g())
except TypeError as e:
    print(e)
