def build():
    base = 1
    g = (base + i for i in range(2))
    base = 10
    return list(g)


def consumed_in_steps():
    step = 1
    g = (i * step for i in range(4))
    first = next(g)
    step = 100
    return [first] + list(g)


print(build())
print(consumed_in_steps())
