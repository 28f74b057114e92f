print(repr("abc".isascii()))
print(repr("é".isascii()))
print(repr("".isascii()))
