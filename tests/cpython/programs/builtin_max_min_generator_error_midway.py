def g(items):
    for x in items:
        print("gen", x)
        yield x
try:
    print(max(g([1, "a", 3])))
except TypeError as e:
    print(e)
try:
    print(min(g([2, 1, None, 0])))
except TypeError as e:
    print(e)
print(max(g([3, 1, 2])), min(g(["b", "a"])))
