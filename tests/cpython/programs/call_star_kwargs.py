# Call-site **mapping: merged in order, with keywords before and after, for every kind of callee.
import threading


def f(*args, **kwargs):
    return args, kwargs


def h(a, b=2, *, c=3):
    return a, b, c


print(f(**{"a": 1}))
print(f(**{"a": 1}, **{"b": 2}))
print(f(x=0, **{"a": 1}, y=2, **{"b": 3}, z=4))
print(h(**{"a": 1}))
print(h(1, **{"c": 30, "b": 20}))
d = {"b": 5}
print(h(0, **d), d)
print(f(**{"not an identifier": 1, "class": 2}))
print(f(**dict(a=1, b=2)))
print((lambda **kw: sorted(kw))(**{"z": 1, "a": 2}))
print((lambda *a: a)(*"hey"))
print(dict(**{"one": 1}, two=2))
print(dict({"x": 0}, **{"one": 1}))
print(max(*[3, 9, 2]))
print(min(*[3, 9, 2], key=lambda v: -v))
print(sum(*[[1, 2, 3]]))
print(*["a", "b"], sep="-")
print(*range(3), **{"sep": "+", "end": "!\n"})
print("{} and {}".format(*["x", "y"]))
print("{a}/{b}".format(**{"a": 1, "b": 2}))


class Point:
    def __init__(self, x, y=0, **extra):
        self.x, self.y, self.extra = x, y, extra

    def moved(self, dx=0, dy=0):
        return Point(self.x + dx, self.y + dy)

    @staticmethod
    def origin(*args):
        return args

    @classmethod
    def make(cls, *args, **kwargs):
        return cls(*args, **kwargs)


p = Point(*[1, 2], **{"color": "red"})
print(p.x, p.y, p.extra)
q = p.moved(**{"dy": 5})
print(q.x, q.y)
print(Point.origin(*"ab"), Point.make(*[7], **{"y": 8}).y)
items = []
items.append(*[1])
items.extend(*[[2, 3]])
print(items)
t = threading.Thread(*[None, print], **{"args": ("thread", "ran")})
t.start()
t.join()
