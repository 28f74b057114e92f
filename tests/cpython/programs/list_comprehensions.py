print([x * x for x in range(5)])
print([x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[j for j in range(i)] for i in range(3)])
print([c.upper() for c in "abc" if c != "b"])
x = 10
print([x for x in range(3)], x)
print({x: x * x for x in range(4)}, {k: v for k, v in zip("ab", [1, 2])})
print({x % 3 for x in range(10)})
