s = {1, 2, 3}
t = s.copy()
t.add(9)
print(s, t)
