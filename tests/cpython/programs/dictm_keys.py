d = {'a': 1, 'b': 2}
print(d.keys(), list(d.keys()), 'a' in d.keys(), len(d.keys()))
