print(repr("banana".rindex("a")))
print(repr("banana".rindex("an")))
print(repr("Ünïcödé banana".rindex("a")))
print(repr("Ünïcödé banana".rindex("an")))
