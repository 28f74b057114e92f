print(repr("abc".rjust(8)))
print(repr("abc".rjust(8, "0")))
print(repr("日本".rjust(8)))
print(repr("日本".rjust(8, "0")))
