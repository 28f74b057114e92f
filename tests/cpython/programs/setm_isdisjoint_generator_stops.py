def g(items):
    for x in items:
        print("gen", x)
        yield x
print({1, 2}.isdisjoint(g([5, 2, 7])))
print({1, 2}.isdisjoint(g([5, 6])))
