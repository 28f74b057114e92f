s = {1, 2, 3}
print(s.issubset({1, 2, 3, 4}), s.issubset([1, 2]), set().issubset(s))
