s = {1, 2, 3}
s.add(4)
s.add(1)
s.add((5, 6))
print(s)
