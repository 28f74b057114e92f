d = {"a": 1}
k = d.keys()
v = d.values()
i = d.items()
print(k, v, i)
d["b"] = 2
print(k, v, i, len(k), "b" in k, 2 in v, ("a", 1) in i)
del d["a"]
print(list(k), list(v), list(i))
print(k == {"b"}, sorted(d.keys()))
