print(repr("  hi  ".rstrip()))
print(repr("  hi  ".rstrip("an")))
print(repr("banana".rstrip()))
print(repr("banana".rstrip("an")))
