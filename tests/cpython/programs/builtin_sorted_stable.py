data = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
def second(p):
    return p[1]
print(sorted(data, key=second))
print(sorted(data, key=second, reverse=True))
