def gen(n):
    for i in range(n):
        yield i
    return f"done {n}"
def outer():
    r = yield from gen(2)
    yield r
    r2 = yield from [7, 8]
    yield r2
    g = gen(0)
    list(g)
    r3 = yield from g
    yield r3
print(list(outer()))
g = gen(1)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args, str(e), repr(e))
def plain():
    yield 1
p = plain(); next(p)
try:
    next(p)
except StopIteration as e:
    print("plain", e.args, repr(e))
print(next(gen(0), "dflt"))
def deleg():
    x = yield from inner()
    return x * 2
def inner():
    yield "a"
    return 21
d = deleg()
print(next(d))
try:
    next(d)
except StopIteration as e:
    print(e.args)
