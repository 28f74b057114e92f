# functools.partial: extra arguments, keyword overrides, attributes, repr, flattening, errors.
import functools
from functools import partial


def power(base, exp=2, *, mod=None):
    r = base**exp
    return r % mod if mod else r


square = partial(power, exp=2)
cube = functools.partial(power, exp=3)
print(square(5), cube(2), cube(2, exp=4), cube(3, mod=5))
print(square.func is power, square.args, square.keywords)
add3 = partial(lambda a, b, c: a + b + c, 1)
print(add3(2, 3), add3(*[10, 20]))
nested = partial(partial(print, "a", sep="-"), "b", end="!\n")
print(nested.args, sorted(nested.keywords.items()))
nested("c")
print(repr(partial(max, 1, 2, key=abs)))
print(repr(partial(len)))
print(type(square).__name__, callable(square), isinstance(square, functools.partial))
print(partial(int, base=2)("101"), partial(int, "ff")(base=16))
kw = {"mod": 7}
print(partial(power, 3, **kw)(4))


class Acc:
    def __init__(self):
        self.total = 0

    def add(self, n, times=1):
        self.total += n * times
        return self.total


a = Acc()
inc = partial(a.add, times=3)
inc(1)
inc(2, times=1)
print(a.total)
make = partial(Acc)
print(type(make()).__name__)
for bad in (lambda: partial(), lambda: partial(1), lambda: square(), lambda: square(1, 2, 3)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
