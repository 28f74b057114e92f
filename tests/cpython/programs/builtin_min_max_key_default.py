words = ["pear", "fig", "banana", "kiwi"]
print(min(words, key=len), max(words, key=len), min([], default="none"), max(3, 9, 4), min("hello"))
print(max([(1, "b"), (1, "a")]), max([], default=0), min(4, 2, key=abs))
print(max(words, key=str.upper), min(words, key=str.lower))
