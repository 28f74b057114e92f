import functools
from functools import wraps


def logged(f):
    @wraps(f)
    def wrapper(*args, **kwargs):
        print("calling", f.__name__)
        return f(*args, **kwargs)

    return wrapper


@logged
def add(a, b):
    return a + b


print(add(2, 3))
print(add.__name__, add.__qualname__, add.__module__)
print(add.__wrapped__.__name__, add.__wrapped__(1, 1))
print(repr(add).split(" at ")[0])


def retry(times):
    def deco(f):
        @functools.wraps(f)
        def inner(*a):
            for _ in range(times):
                r = f(*a)
            return r

        return inner

    return deco


@retry(2)
@logged
def mul(a, b):
    return a * b


print(mul(3, 4), mul.__name__, mul.__wrapped__.__name__, mul.__wrapped__.__wrapped__.__name__)


class Service:
    @logged
    def ping(self):
        return "pong"


print(Service().ping(), Service.ping.__name__, Service.ping.__qualname__)


def plain(x):
    return x


g = functools.update_wrapper(lambda x: x * 2, plain)
print(g.__name__, g(4), g.__wrapped__ is plain)
h = functools.update_wrapper(lambda: 0, len)
print(h.__name__, h.__module__)
print(type(wraps(plain)).__name__)
try:
    wraps()
except TypeError as e:
    print(e)
print(plain.__module__, len.__module__)
