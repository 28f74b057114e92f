a = [3, 1, 2]
a.extend([4, 5])
a.extend('xy')
a.extend(range(2))
a.extend((9,))
print(a)
