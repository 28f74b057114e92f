s = {3, 1, 2}
print(s, len(s), {1, 1, 1}, set(), {(1, 2), (0, 1)}, {-1, -2, 10, 100, 8})
print({0, 8, 16}, {7, 15, 23}, {1.5, 2.5}, {True, 1, 1.0}, {None})
print(frozenset({5, 4}), set(range(20)))
