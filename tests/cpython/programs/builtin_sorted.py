print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True))
print(sorted({"b": 1, "a": 2}), sorted([(2, "a"), (1, "b"), (2, "0")]))
print(sorted(["bb", "a", "ccc"], key=len), sorted(["bb", "a", "ccc"], key=len, reverse=True))
print(sorted([-3, 1, -2], key=abs))
words = ["b", "A", "c"]
print(sorted(words, key=str.lower))
