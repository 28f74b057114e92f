a = [3, 1, 2]
a.clear()
print(a, len(a))
