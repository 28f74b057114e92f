print(set(), set([3, 1, 2, 1]), set("aab") == {"a", "b"}, frozenset([1, 2]))
print(frozenset(), len(set(range(5))), sorted(set("hello")))
print(set((1, 2)) == frozenset((2, 1)), {1, 2} == {2, 1})
