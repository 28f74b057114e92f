d = {'a': 1, 'b': 2}
print(d.setdefault('a', 9), d.setdefault('n'), d.setdefault('m', []), d)
