a = [3, 1, 2]
a.insert(1, 'x')
a.insert(-1, 'y')
a.insert(0, 'z')
a.insert(99, 'w')
a.insert(-99, 'v')
print(a)
