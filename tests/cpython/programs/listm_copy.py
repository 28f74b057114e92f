a = [3, 1, 2]
b = a.copy()
b.append(9)
print(a, b, a is b)
