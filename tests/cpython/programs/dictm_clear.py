d = {'a': 1, 'b': 2}
d.clear()
print(d)
