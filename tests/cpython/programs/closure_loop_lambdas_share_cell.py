def make():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]


def make_bound():
    fs = []
    for i in range(3):
        fs.append(lambda i=i: i)
    return [f() for f in fs]


print(make())
print(make_bound())
