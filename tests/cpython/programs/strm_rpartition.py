print(repr("banana".rpartition("n")))
print(repr("banana".rpartition("x")))
print(repr("Ünïcödé banana".rpartition("n")))
print(repr("Ünïcödé banana".rpartition("x")))
