def g(items):
    for x in items:
        print("gen", x)
        yield x

def key(x):
    print("key", x)
    if x == 3:
        raise ValueError("bad key %d" % x)
    return x % 2

print(min(g([]), key=key, default="empty"))
print(max(g([4, 5, 6]), key=key, default="unused"))
print(min((x * x for x in [-3, 2, -1]), key=abs))
print(max(g([2, 4]), key=None))
try:
    print(min(g([]), key=key))
except ValueError as e:
    print("ValueError", e)
try:
    print(max(g([1, 3, 5]), key=key))
except ValueError as e:
    print("ValueError", e)
try:
    print(min(g([1]), key=key, bad=1))
except TypeError as e:
    print("TypeError", e)
print(max(map(abs, [-5, 2]), key=key))
