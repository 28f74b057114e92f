import itertools

c = itertools.count(3)
print(next(c))
print(c)
