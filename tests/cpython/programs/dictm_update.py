d = {'a': 1, 'b': 2}
d.update({'a': 10}, c=3)
d.update([('z', 26)])
d.update()
print(d)
