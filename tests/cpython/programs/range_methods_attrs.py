
r = range(2, 20, 3)
print(r.count(5), r.count(6), r.index(8), r.start, r.stop, r.step, len(r), r[-1], list(r[1:3]))
print(range(5) == range(0, 5), range(0) == range(2, 2), list(reversed(range(1, 4))), 4 in range(5), 2.0 in range(3))
try:
    r.index(7)
except ValueError as e:
    print(e)
