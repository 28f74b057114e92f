a = [3, 1, 2]
a.reverse()
print(a)
e = []
e.reverse()
print(e)
