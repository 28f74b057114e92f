# Call-site unpacking: *iterable of every kind, mixed with plain arguments, in CPython's order.
def f(*args, **kwargs):
    return args, kwargs


def g(a, b, c=0, *rest, k=None, **more):
    return a, b, c, rest, k, more


print(f(*[1, 2]))
print(f(*(1, 2), 3))
print(f(0, *range(3), 9, *"ab"))
print(f(*{"x": 1, "y": 2}))
print(f(*{"x": 1, "y": 2}.values()))
print(f(*{"x": 1}.items()))
print(f(*{3}))
print(f(*(i * i for i in range(4))))
print(f(*[], *()))
print(f(*iter([5, 6])))
print(f(*enumerate("ab")))
print(f(*zip([1, 2], "xy")))
print(g(*[1, 2]))
print(g(1, *[2, 3, 4], k=5))
print(g(*[1], *[2], *[3], 4))
print(g(k=1, *[1, 2]))
xs = [10, 20]
print(g(*xs, **{"k": "kw", "z": 0}))
print(f(1, *xs, 2, *xs, k=1, **{"kw": 2}, m=3))

order = []


def note(x):
    order.append(x)
    return x


def gen(n):
    order.append("gen start")
    for i in range(n):
        order.append(("yield", i))
        yield i


f(note(1), *gen(2), note(2), k=note(3), **{"m": note(4)})
print(order)
