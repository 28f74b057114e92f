def g(items):
    for x in items:
        if x == "boom":
            raise ValueError("boom")
        yield x
L = [0]
try:
    L.extend(g([1, 2, "boom", 3]))
except ValueError as e:
    print(e, L)
L.extend(g([4]))
print(L)
