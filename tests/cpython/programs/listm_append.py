a = [3, 1, 2]
a.append(4)
a.append([5])
print(a)
