a = []
b = []
for i in range(100000):
    a = [a]
    b = [b]
print(a == b)
print(a < b)
print(a in [b])
print(sorted([a, b]))
print(a)
