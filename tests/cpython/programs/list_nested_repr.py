a = [1, [2, [3, []]], (4, 5), {"k": [6]}, "s", 1.5, None, True]
print(a)
a.append(a)
print(a)
d = {"self": None}
d["self"] = d
print(d)
