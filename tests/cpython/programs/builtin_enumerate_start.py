for i, c in enumerate("abc", start=1):
    print(i, c)
print(list(enumerate([5, 6], 10)), list(enumerate([], 3)))
print(list(enumerate(iterable="xy", start=-1)))
