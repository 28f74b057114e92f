d = {'a': 1, 'b': 2}
e = d.copy()
e['z'] = 0
print(d, e)
