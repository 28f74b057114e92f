# __new__: a singleton, object.__new__ and super().__new__, __init__ after __new__, its errors
import threading


class Singleton:
    _instance = None
    _lock = threading.Lock()

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            with cls._lock:
                if cls._instance is None:
                    cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, value=0):
        self.value = value


made = []


def make(i):
    made.append(Singleton(i))


ts = [threading.Thread(target=make, args=(i,)) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(made), all(m is made[0] for m in made), isinstance(made[0], Singleton))


class Plain:
    def __new__(cls, x):
        obj = object.__new__(cls)
        obj.x = x
        return obj


p = Plain(3)
print(p.x, type(p).__name__)


class Other:
    pass


class Factory:
    def __new__(cls, kind):
        if kind == "other":
            return Other()
        return super().__new__(cls)

    def __init__(self, kind):
        print("init", kind)
        self.kind = kind


f = Factory("mine")
o = Factory("other")
print(type(f).__name__, f.kind, type(o).__name__)


class Strict:
    def __new__(cls, *args):
        return super().__new__(cls, *args)


try:
    Strict(1)
except TypeError as e:
    print("TypeError", e)


class Counted:
    count = 0

    def __new__(cls):
        cls.count += 1
        return super().__new__(cls)


class Sub(Counted):
    pass


Counted()
Sub()
print(Counted.count, Sub.count, type(Sub()).__name__)
