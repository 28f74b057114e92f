print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, float))
print(isinstance("a", str), isinstance([], list), isinstance((), tuple), isinstance({}, dict))
print(isinstance(1, (str, int)), isinstance(None, int), isinstance({1}, set))
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
