print(hash(1), hash(0), hash(-1), hash(True), hash(1.0), hash(1.5), hash(-2.5))
print(hash((1, 2)), hash(()), hash(None) == hash(None), hash("abc") == hash("abc"))
print(hash(2**40), hash(-7))
try:
    hash([1])
except TypeError as e:
    print(e)
