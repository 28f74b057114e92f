def gen(items):
    for x in items:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div"
g = gen([1, 2])
print(list(g))
def safe(items):
    for x in items:
        try:
            r = 10 // x
        except ZeroDivisionError:
            r = None
        yield r
print(list(safe([5, 0, 2])))
