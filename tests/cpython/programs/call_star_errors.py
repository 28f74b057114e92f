# Call-site unpacking errors: CPython 3.12's TypeErrors and where they are raised.
import threading


def f(*args, **kwargs):
    return args, kwargs


def one(x):
    return x


class C:
    def m(self, *a, **k):
        return a, k


def attempt(thunk):
    try:
        print(thunk())
    except TypeError as e:
        print("TypeError:", e)


attempt(lambda: f(*1))
attempt(lambda: f(*None))
attempt(lambda: f(1, *2.5))
attempt(lambda: f(**[1]))
attempt(lambda: f(**None))
attempt(lambda: f(**{1: 2}))
attempt(lambda: f(**{"a": 1}, a=2))
attempt(lambda: f(**{"a": 1}, **{"a": 2}))
attempt(lambda: f(a=1, **{"a": 2}))
attempt(lambda: C().m(*1))
attempt(lambda: C().m(**{"a": 1}, **{"a": 2}))
attempt(lambda: C(*1))
attempt(lambda: print(*1))
attempt(lambda: print(**[1]))
attempt(lambda: print(**{1: 2}))
attempt(lambda: len(*1))
attempt(lambda: [].append(*1))
attempt(lambda: threading.Thread(*1))
attempt(lambda: one(**{"not a name": 1}))
attempt(lambda: one(**{1: 1}))
attempt(lambda: one(1, **{"x": 1}))
attempt(lambda: one(*[1, 2]))
attempt(lambda: one(**{}))
attempt(lambda: len(**{"obj": 1}))
attempt(lambda: dict(**{"a b": 1}))
