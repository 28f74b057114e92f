print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("a", (int, (str,))))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(set(), set), isinstance(frozenset(), frozenset))
print(isinstance(KeyError(), LookupError), isinstance(None, type(None)), isinstance(1.0, float))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
