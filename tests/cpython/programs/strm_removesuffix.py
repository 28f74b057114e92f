print(repr("banana".removesuffix("na")))
print(repr("banana".removesuffix("x")))
print(repr("Ünïcödé banana".removesuffix("na")))
print(repr("Ünïcödé banana".removesuffix("x")))
