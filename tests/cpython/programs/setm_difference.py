s = {1, 2, 3}
print(s.difference({2}), s.difference([1], (3,)), s.difference())
