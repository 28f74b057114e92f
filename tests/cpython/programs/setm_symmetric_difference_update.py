s = {1, 2, 3}
s.symmetric_difference_update({3, 4})
print(s)
