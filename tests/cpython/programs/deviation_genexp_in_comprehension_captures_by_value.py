gs = [(x * y for y in range(2)) for x in [1, 2, 3]]
print([list(g) for g in gs])
print([sum(x * y for y in range(3)) for x in [1, 2]])
