gs = []
for r in range(2):
    gs.append([(x * 10 + y for y in range(1)) for x in range(2 + r * 5)])
print([[list(g) for g in row] for row in gs])
def f(xs):
    return [(x + y for y in range(2)) for x in xs]
print([list(g) for g in f([1, 2, 3])])
print([sum(x * y for y in range(3)) for x in range(4)])
nested = ((x + y for y in range(2)) for x in range(3))
print([list(g) for g in list(nested)])
nested2 = ((x + y for y in range(2)) for x in range(3))
print([list(g) for g in nested2])
print({x: list(x + y for y in range(2)) for x in range(2)})
x = 100
print([list(g) for g in [(x + y for y in range(1)) for x in range(3)]], x)
