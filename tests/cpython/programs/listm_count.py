a = [3, 1, 2]
print(a.count(1), a.count(7), [[1], [1]].count([1]))
