d = {"a": 1}
for k in d:
    d[k + k] = 1
