d = {'a': 1, 'b': 2}
print(dict.fromkeys(['x', 'y']), dict.fromkeys('ab', 1), d.fromkeys((1, 2), []))
