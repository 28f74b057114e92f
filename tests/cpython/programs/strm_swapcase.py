print(repr("AbC".swapcase()))
print(repr("ß".swapcase()))
print(repr("ÉtÉ".swapcase()))
