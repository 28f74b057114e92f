def g(items):
    for x in items:
        print("gen", x)
        yield x
def key(x):
    print("key", x)
    return -x
print(max(g([1, 2]), key=key))
