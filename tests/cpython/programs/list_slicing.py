a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::3], a[::-1], a[-3:-1], a[8:2:-2], a[100:], a[:-100])
b = a[:]
b[2:5] = ["x"]
print(b)
b[:0] = [-1, -2]
print(b)
c = list(range(6))
c[::2] = [10, 20, 30]
print(c)
del c[1:3]
print(c)
del c[::2]
print(c)
try:
    c[::2] = [1, 2, 3, 4]
except ValueError as e:
    print(e)
