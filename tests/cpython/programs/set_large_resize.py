s = set()
for i in range(0, 100, 7):
    s.add(i)
print(s)
for i in range(0, 100, 14):
    s.discard(i)
print(s)
s2 = set()
for i in [5, 13, 21, 29, 37]:
    s2.add(i)
print(s2)
