d = {'a': 1, 'b': 2}
print(d.values(), list(d.values()), 2 in d.values(), sum(d.values()))
