data = [("b", 2), ("a", 3), ("c", 1), ("a", 1)]
print(sorted(data), sorted(data, reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted({3: 0, 1: 0}), sorted("hello"), sorted((3, 1, 2)))
