def build():
    base = 1
    g = (base + i for i in range(2))
    base = 10
    return list(g)
print(build())
