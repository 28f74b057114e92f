
f = frozenset([3, 1, 2])
print(f.copy() is f, f.union([4]), f.intersection({1, 9}), f.difference({1}), f.symmetric_difference({4}))
print(f.issubset(range(5)), f.issuperset({1}), f.isdisjoint({8}), hash(f) == hash(frozenset({1, 2, 3})))
print(type(f | {4}).__name__, type({4} | f).__name__, f == {1, 2, 3}, {f: "key"}[frozenset((1, 2, 3))])
try:
    f.add(1)
except AttributeError as e:
    print(e)
