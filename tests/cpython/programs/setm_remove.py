s = {1, 2, 3}
s.remove(3)
print(s)
