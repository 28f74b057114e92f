a = [3, 1, 2]
a.sort()
print(a)
b = ['b', 'A', 'a', 'C']
b.sort()
print(b)
b.sort(key=str.lower)
print(b)
c = [(1, 'b'), (1, 'a'), (0, 'z')]
c.sort(reverse=True)
print(c)
