d = {"a": 1, "b": 2}
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print(e)
print(d)
d2 = {1: 1, 2: 2, 3: 3}
try:
    for k in d2:
        del d2[k]
except RuntimeError as e:
    print(e)
print(d2)
d3 = {"x": 1}
for k in d3:
    d3[k] = 5
print(d3)
