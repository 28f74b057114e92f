s = {1, 2, 3}
print(s.symmetric_difference({3, 4}), s.symmetric_difference([1, 1, 9]))
