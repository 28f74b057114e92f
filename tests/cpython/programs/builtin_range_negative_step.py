print(list(range(10, 0, -3)), list(range(0)), list(range(-3, 3)), range(1, 10, 2)[2], range(1, 10, 2)[-1])
print(list(range(5)[1:4]), 3 in range(5), 7 in range(0, 10, 2), range(0, 10, 2).index(4), range(3) == range(0, 3))
