d = {'a': 1, 'b': 2}
print(d.items(), list(d.items()), ('a', 1) in d.items(), ('a', 2) in d.items())
