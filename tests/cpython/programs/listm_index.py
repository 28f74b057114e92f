a = [3, 1, 2]
print(a.index(3), a.index(1), [1, 2, 1].index(1, 1))
