a = [3, 1, 2]
a.remove(1)
print(a)
b = [1, 2, 1]
b.remove(1)
print(b)
