def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
    print("done counting")
print(list(count_up(3)))
g = count_up(2)
print(next(g), next(g))
print(next(g, "end"))
def pairs(xs):
    for x in xs:
        yield x, x * x
for a, b in pairs([2, 3]):
    print(a, b)
def chain(a, b):
    yield from a
    yield from b
print(list(chain([1], "xy")))
