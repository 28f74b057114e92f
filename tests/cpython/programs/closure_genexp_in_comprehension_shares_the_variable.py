gs = [(x * y for y in range(2)) for x in [1, 2, 3]]
print([list(g) for g in gs])
print([sum(x * y for y in range(3)) for x in [1, 2]])
def pairs(xs):
    out = [((x, y) for y in range(2)) for x in xs for _ in range(1)]
    return [list(g) for g in out]
print(pairs("ab"))
sets = {frozenset(x + y for y in range(2)) for x in range(3)}
print(sorted(sorted(s) for s in sets))
lazy = [(x + y for y in range(2)) for x in range(3) if x != 2]
print([list(g) for g in lazy])
