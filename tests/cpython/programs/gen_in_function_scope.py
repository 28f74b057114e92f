def total(n, k):
    return sum(i * k for i in range(n))
def names(prefix, xs):
    return ",".join(prefix + x for x in xs)
print(total(4, 3), names("p-", ["a", "b"]))
def nested(m):
    return [list(j * m for j in range(i)) for i in range(3)]
print(nested(2))
