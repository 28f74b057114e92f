d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('q'), d.get('q', 5), d.get('b', 0))
