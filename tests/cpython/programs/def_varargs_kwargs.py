def va(*args):
    return args
print(va(), va(1), va(1, 2, 3))

def mixed(a, b=2, *rest, **opts):
    return a, b, rest, opts
print(mixed(1))
print(mixed(1, 5, 6, 7, x=1, y=2))
print(mixed(b=3, a=4, z=5))

def kw(**kwargs):
    for k in kwargs:
        print(k, kwargs[k])
    return len(kwargs)
print(kw(one=1, two=2, three=3))
print(type(va()).__name__, type(kw()).__name__)

def kwonly(a, *, key, reverse=False, scale=1):
    return a, key, reverse, scale
print(kwonly(1, key="k"))
print(kwonly(1, scale=3, key=2, reverse=True))

def after_star(first, *items, sep=", "):
    return sep.join([str(first)] + [str(i) for i in items])
print(after_star(1, 2, 3))
print(after_star(1, 2, 3, sep="-"))

def kwonly_mixed_defaults(*, a=1, b, c=3):
    return a, b, c
print(kwonly_mixed_defaults(b=2))

f = lambda *a, **k: (a, k)
print(f(1, 2, x=3))
g = lambda x, *, y=10: x + y
print(g(1), g(1, y=2))

def gen(*xs):
    for x in xs:
        yield x * 2
print(list(gen(1, 2, 3)))

class Logger:
    def log(self, *parts, level="INFO"):
        return level + ": " + " ".join(str(p) for p in parts)
print(Logger().log("a", 1, level="DEBUG"))
