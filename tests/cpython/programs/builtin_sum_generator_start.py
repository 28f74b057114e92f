def g():
    for x in [0.1, 0.2, 0.3]:
        yield x
print(sum(g()), sum(g(), 10), sum(g(), start=1))
print(sum(([i] for i in range(3)), []))
try:
    sum((c for c in "ab"), "")
except TypeError as e:
    print(e)
try:
    sum((print("drawn") or 1 for _ in range(2)), start="")
except TypeError as e:
    print(e)
