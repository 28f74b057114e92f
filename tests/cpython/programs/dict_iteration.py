d = {"a": 1, "b": 2, "c": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
for v in d.values():
    print(v)
print(sorted(d, reverse=True), max(d), sum(d.values()), "a" in d, 1 in d)
print(list(reversed(d)))
