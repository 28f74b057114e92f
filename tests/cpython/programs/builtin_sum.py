print(sum([1, 2, 3]), sum([]), sum([1.5, 2.5]), sum(range(101)))
print(sum([1, 2], 10), sum([[1], [2]], []), sum((x * x for x in range(4))))
print(sum([0.1] * 10))
