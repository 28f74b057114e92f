print(hash(1), hash(-1), hash(0), hash(2**61 - 1), hash(2**61), hash(1.0), hash(1.5), hash(-2.5), hash(True))
print(hash((1, 2)), hash(()), hash(("a",)) == hash(("a",)), hash(frozenset([1, 2])), hash(frozenset()))
try:
    hash([])
except TypeError as e:
    print(e)
try:
    hash({1})
except TypeError as e:
    print(e)
