def g(items):
    for x in items:
        print("gen", x)
        yield x
try:
    print(dict(g([(1, 2), 5, (3, 4)])))
except TypeError as e:
    print(e)
try:
    print(dict(g([(1, 2), (1, 2, 3), (3, 4)])))
except ValueError as e:
    print(e)
d = {0: 0}
try:
    d.update(g([(1, 1), ([2], 2), (3, 3)]))
except TypeError as e:
    print(e, d)
