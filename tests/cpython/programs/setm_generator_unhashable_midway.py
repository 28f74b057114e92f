def g(items):
    for x in items:
        print("gen", x)
        yield x
try:
    print(set(g([1, [2], 3])))
except TypeError as e:
    print(e)
try:
    print(frozenset(g([1, {}, 3])))
except TypeError as e:
    print(e)
s = {1}
try:
    s.update(g([2, [3], 4]))
except TypeError as e:
    print(e, s)
try:
    print({1}.union(g([5, [6], 7])))
except TypeError as e:
    print(e)
