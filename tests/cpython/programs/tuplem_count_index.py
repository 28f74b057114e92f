
t = (1, 2, 1, "a", (1,))
print(t.count(1), t.count("a"), t.count(9), t.index(2), t.index(1, 1), t.index((1,)))
try:
    t.index(1, 3)
except ValueError as e:
    print(e)
