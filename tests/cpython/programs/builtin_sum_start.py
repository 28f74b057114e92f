print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([], start=5), sum(x * x for x in range(4)))
print(sum([[1], [2]], []), sum([True, True, False]))
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
