x, (y, z) = 1, (2, 3)
a, b = "ab"
(p, q), r = [[1, 2], 3]
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print(i, j, k)
print(x, y, z, a, b, p, q, r)
