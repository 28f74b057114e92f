s = {1, 2, 3}
s.intersection_update({1, 3, 5})
print(s)
